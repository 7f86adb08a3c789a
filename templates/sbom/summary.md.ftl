<#-- Step summary of sbom. Model: SbomAction.summary(); all values are strings or lists of strings. -->
<#function cell s>
  <#return s?replace("|", "\\|")?replace("\n", " ")>
</#function>
### 📦 SBOM of ${name}<#if version != ""> ${version}</#if>: ${total} components

<#if ecosystems?has_content>
| ecosystem | components | of which dev |
|---|---:|---:|
<#list ecosystems as e>
| ${e.ecosystem} | ${e.count} | ${e.dev} |
</#list>

</#if>
<#if spdxFile != "">
- SPDX 2.3: `${spdxFile}`
</#if>
<#if cyclonedxFile != "">
- CycloneDX 1.6: `${cyclonedxFile}`
</#if>
<#if files?has_content>

<details><summary>${files?size} files read</summary>

<#list files as f>
- `${f}`
</#list>

</details>
</#if>
<#if unresolved?has_content>

**Not resolved** (listed without a version, or left out):

<#list unresolved as u>
- ${cell(u)}
</#list>
<#if moreUnresolved != "0">
- … ${moreUnresolved} more
</#if>
</#if>
