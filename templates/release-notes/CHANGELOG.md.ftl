<#-- One release's section of CHANGELOG.md, in git-cliff's layout. Model: see ReleaseNotes.model. -->
<#macro entry c><#if c.scope?has_content>**${c.scope}:** </#if><#if c.breaking>[**breaking**] </#if>${c.description?cap_first}<#if c.url?has_content> ([${c.short_id}](${c.url}))</#if></#macro>
## <#if compare_url?has_content>[${version}](${compare_url})<#else>[${version}]</#if> - ${date}
<#if breaking?has_content>

### ⚠ BREAKING CHANGES

<#list breaking as b>
- <#if b.scope?has_content>**${b.scope}:** </#if>${b.description?cap_first}<#if b.url?has_content> ([${b.short_id}](${b.url}))</#if>
</#list>
</#if>
<#list groups as g>

### ${g.title}

<#list g.changes as c>
- <@entry c/>
</#list>
</#list>
<#if requirements?has_content>

### Requirements

<#list requirements as q>
- **${q.name}**: ${q.version}
</#list>
</#if>
