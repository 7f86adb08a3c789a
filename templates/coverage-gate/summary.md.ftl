<#-- Step summary and PR comment of coverage-gate. Model: GateResult.summaryModel(); all values are strings. -->
<#function cell s>
  <#return s?replace("|", "\\|")?replace("\n", " ")>
</#function>
### ${passed?then("✅", "❌")} Coverage ${coverage}%

| metric | value |
|---|---|
| ${unit} | ${coverage}% (${covered} of ${total}) |
<#if branchCoverage != "">
| branches | ${branchCoverage}% (${branchesCovered} of ${branchesTotal}) |
</#if>
<#if base != "">
| change vs base | ${delta} points (base ${base}%) |
</#if>
<#if baseMissing != "">
| change vs base | no base yet: delta skipped (`${cell(baseMissing)}` does not exist) |
</#if>
<#if patch != "">
| patch (added lines) | ${patch}% (${patchCovered} of ${patchTotal}) |
</#if>

<#if checks?has_content>
| gate | actual | required | result |
|---|---|---|---|
<#list checks as c>
| ${cell(c.name)} | ${c.actual} | ${c.threshold} | ${(c.passed == "true")?then("pass", "**fail**: " + cell(c.message))} |
</#list>

</#if>
<#if packages?has_content>
<details><summary>Packages, worst first</summary>

| package | covered | total | coverage |
|---|---:|---:|---:|
<#list packages as p>
| ${cell(p.name)} | ${p.covered} | ${p.total} | ${p.coverage}% |
</#list>
<#if morePackages != "0">
| … ${morePackages} more | | | |
</#if>

</details>
</#if>
