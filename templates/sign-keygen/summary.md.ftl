<#-- Step summary of sign-keygen. Model: privateKey, publicKey (paths), hint. Never key material. -->
### 🔑 Generated a cosign key pair

| file | |
|---|---|
| private key (encrypted) | ${privateKey} |
| public key | ${publicKey} |
| public-key hint | `${hint}` |
