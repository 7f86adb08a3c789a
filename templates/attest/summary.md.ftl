<#-- Step summary of attest. Model: bundle, predicateType, predicate (path), subjects ["name sha256:hex"]. -->
<#function cell s>
  <#return s?replace("|", "\\|")?replace("\n", " ")>
</#function>
### ✅ Attestation ${cell(bundle)}

Predicate `${predicateType}` from ${cell(predicate)}

| subject |
|---|
<#list subjects as s>
| ${cell(s)} |
</#list>
