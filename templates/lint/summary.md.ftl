<#-- Step summary of lint. Model: findings [{file, line, column, severity, rule, message}], failing (count at or
     above the fail level), failLevel (error|warning|note|none), sarif (path of the SARIF file, empty when none was written). -->
<#function cell s>
  <#return s?replace("\\", "\\\\")?replace("|", "\\|")?replace("\n", " ")?replace("\r", "")?replace("<", "&lt;")?replace(">", "&gt;")>
</#function>
<#if !findings?has_content>
### ✅ pipewright lint: no findings

<#else>
### ${(failing == "0")?then("⚠️", "❌")} pipewright lint: ${findings?size} finding<#if findings?size != 1>s</#if>, ${failing} at or above ${failLevel}

| file | line | column | severity | rule | message |
|---|---|---|---|---|---|
<#list findings as f>
| `${cell(f.file)}` | ${f.line} | ${f.column} | ${f.severity} | `${f.rule}` | ${cell(f.message)} |
</#list>

</#if>
<#if sarif?has_content>
SARIF: `${sarif}`
</#if>
