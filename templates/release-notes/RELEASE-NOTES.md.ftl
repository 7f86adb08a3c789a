<#-- The body of the GitHub release for one version. Model: see ReleaseNotes.model; vars.* are the user's variables. -->
<#if breaking?has_content>
## ⚠ Breaking changes

<#list breaking as b>
- <#if b.scope?has_content>**${b.scope}:** </#if>${b.description?cap_first}<#if b.url?has_content> ([${b.short_id}](${b.url}))</#if>
</#list>

</#if>
<#list groups as g>
## ${g.title}

<#list g.changes as c>
- <#if c.scope?has_content>**${c.scope}:** </#if>${c.description?cap_first}<#if c.url?has_content> ([${c.short_id}](${c.url}))</#if><#list c.references as r><#if r?is_first> — </#if><#if r.url?has_content>[#${r.number}](${r.url})<#else>#${r.number}</#if><#sep>, </#sep></#list>
</#list>

</#list>
<#if requirements?has_content>
## Requirements

<#list requirements as q>
- **${q.name}**: ${q.version}
</#list>

</#if>
<#if compare_url?has_content>
**Full changelog**: [${previous_tag}...${tag}](${compare_url})
<#elseif previous_tag?has_content>
${commit_count} <#if commit_count == 1>change<#else>changes</#if> since ${previous_tag}.
<#else>
First release: ${commit_count} <#if commit_count == 1>change<#else>changes</#if>.
</#if>
