// Test oracle: verifies a Sigstore bundle with sigstore-js (@sigstore/verify), offline.
// usage: node verify.mjs BUNDLE (--key PUB.pem | --trusted-root ROOT.json [--identity ID --issuer ISS]) [--artifact FILE]
// prints VERIFIED, or FAILED <code>: <message>; exit 0 either way (2 on usage errors).
import { readFileSync } from 'node:fs';
import { createHash, createPublicKey } from 'node:crypto';
import { bundleFromJSON } from '@sigstore/bundle';
import { Verifier, toSignedEntity, toTrustMaterial } from '@sigstore/verify';
import { TrustedRoot } from '@sigstore/protobuf-specs';

const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const bundlePath = args[0];
if (!bundlePath || (!opt('--key') && !opt('--trusted-root'))) {
  console.error('usage: node verify.mjs BUNDLE (--key PUB.pem | --trusted-root ROOT.json) [--artifact FILE]');
  process.exit(2);
}
try {
  const bundle = bundleFromJSON(JSON.parse(readFileSync(bundlePath, 'utf8')));
  const artifact = opt('--artifact') ? readFileSync(opt('--artifact')) : undefined;
  let trust, options, policy = {};
  if (opt('--key')) {
    const spki = createPublicKey(readFileSync(opt('--key'))).export({ type: 'spki', format: 'der' });
    const hint = createHash('sha256').update(spki).digest('base64');
    trust = toTrustMaterial({ certificateAuthorities: [], timestampAuthorities: [], tlogs: [], ctlogs: [] },
      { [hint]: { rawBytes: spki } });
    options = { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 0 };
  } else {
    trust = toTrustMaterial(TrustedRoot.fromJSON(JSON.parse(readFileSync(opt('--trusted-root'), 'utf8'))));
    options = { tlogThreshold: 1, ctlogThreshold: 1, timestampThreshold: 1 };
    if (opt('--identity')) policy.subjectAlternativeName = opt('--identity');
    if (opt('--issuer')) policy.extensions = { issuer: opt('--issuer') };
  }
  new Verifier(trust, options).verify(toSignedEntity(bundle, artifact), policy);
  console.log('VERIFIED');
} catch (e) {
  console.log(`FAILED ${e.code ?? e.name}: ${String(e.message).split('\n')[0]}`);
}
