<#-- Step summary of health-gate. Model: healthy, target, attempts, elapsed, entries (n, at, healthy, detail). -->
<#function cell s>
  <#return s?replace("|", "\\|")?replace("\n", " ")>
</#function>
### ${healthy?then("✅ Healthy", "❌ Not healthy")}: `${cell(target)}`

${attempts} attempt<#if attempts != 1>s</#if> in ${elapsed}.

| # | at | result |
|---|---|---|
<#list entries as e>
| ${e.n} | ${e.at} | ${e.healthy?then("✅", "❌")} ${cell(e.detail)} |
</#list>
