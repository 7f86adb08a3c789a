<#-- Step summary of promote. Model: env, operation (created, updated, none, dry-run, blocked), url, gates, images,
     waived (see pr-body.md.ftl). -->
<#function cell s>
  <#return s?replace("|", "\\|")?replace("\n", " ")>
</#function>
### <#if operation == "blocked">❌ Promotion to ${env} blocked<#else>✅ Promotion to ${env}: ${operation}</#if>
<#if url != "">

Pull request: ${url}
</#if>

| gate | status | details |
|---|---|---|
<#list gates as g>
| ${g.name} | ${(g.status == "passed")?then("✅ passed", (g.status == "skipped")?then("⏭️ skipped", "❌ failed"))} | <#list g.details as d>${cell(d)}<#sep><br></#sep></#list> |
</#list>
<#if images?has_content>

| image | file | tag | digest |
|---|---|---|---|
<#list images as i>
| ${cell(i.name)} | `${cell(i.file)}` ${cell(i.location)} | ${(i.oldTag == "")?then("—", i.oldTag)} → ${i.newTag} | ${i.newDigest} |
</#list>
</#if>
<#if waived?has_content>

Waived: <#list waived as w>${w.id} (${cell(w.reason)}, expires ${w.expires})<#sep>, </#sep></#list>
</#if>
