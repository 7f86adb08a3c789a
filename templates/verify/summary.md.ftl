<#-- Step summary of verify. Model: verified (boolean), kind, reason, details (lines). -->
<#function cell s>
  <#return s?replace("|", "\\|")?replace("\n", " ")>
</#function>
### ${verified?then("✅ Verified", "❌ Not verified")} (${kind})

<#if !verified>
${cell(reason)}

</#if>
<#list details as d>
- ${cell(d)}
</#list>
