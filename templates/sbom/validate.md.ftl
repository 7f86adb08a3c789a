<#-- Step summary of sbom --validate. Model: file, format (strings), valid (boolean), errors (strings). -->
### ${valid?then("✅", "❌")} `${file}`: ${valid?then("valid", "not valid")} ${format}

<#if errors?has_content>
<#list errors as e>
- ${e?replace("\n", " ")}
</#list>
</#if>
