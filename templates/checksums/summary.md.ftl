<#-- Step summary of checksums. Model: mode (write|check), files, rows [{algorithm, name, digest, status?}], failed. -->
<#function cell s>
  <#return s?replace("\\", "\\\\")?replace("|", "\\|")?replace("\n", "\\n")?replace("\r", "\\r")?replace("`", "'")>
</#function>
<#if mode == "write">
### ✅ Checksums: ${files?join(", ")}

| algorithm | file | digest |
|---|---|---|
<#list rows as r>
| ${r.algorithm} | ${cell(r.name)} | `${r.digest}` |
</#list>
<#else>
### ${(failed == "0")?then("✅", "❌")} Checked ${files?join(", ")}

| algorithm | file | result |
|---|---|---|
<#list rows as r>
| ${r.algorithm} | ${cell(r.name)} | ${(r.status == "OK")?then("OK", "**" + r.status + "**")} |
</#list>
</#if>
