<#-- Step summary of sign. Model: hint (public-key hint), rows [{file, digest, signature, bundle}]. Never key material. -->
<#function cell s>
  <#return s?replace("|", "\\|")?replace("\n", " ")>
</#function>
### ✅ Signed ${rows?size} file<#if rows?size != 1>s</#if>

Public-key hint: `${hint}`

| file | digest | signature | bundle |
|---|---|---|---|
<#list rows as r>
| ${cell(r.file)} | `${r.digest}` | ${cell(r.signature)} | ${cell(r.bundle)} |
</#list>
