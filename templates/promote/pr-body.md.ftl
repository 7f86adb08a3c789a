<#-- Body of the promotion pull request. Model: env, title, images (name, repository, file, location, oldTag, newTag,
     oldDigest, newDigest, changed), gates (name, status, details), waived (id, pkg, severity, reason, expires, source).
     No timestamps: a re-run with the same inputs renders the same body, so the pull request is left alone. -->
<#function cell s>
  <#return s?replace("|", "\\|")?replace("\n", " ")>
</#function>
<#function short d>
  <#return (d?length > 19)?then(d?substring(0, 19) + "…", (d == "")?then("—", d))>
</#function>
Promotes to **${env}**:

| image | file | tag | digest |
|---|---|---|---|
<#list images as i>
| ${cell(i.name)} (`${i.repository}`) | `${cell(i.file)}` ${cell(i.location)} | <#if i.oldTag != i.newTag>`${(i.oldTag == "")?then("—", i.oldTag)}` → </#if>`${i.newTag}` | <#if i.oldDigest != i.newDigest>`${short(i.oldDigest)}` → </#if>`${i.newDigest}` |
</#list>

### Gates
<#list gates as g>
- ${(g.status == "passed")?then("✅", (g.status == "skipped")?then("⏭️", "❌"))} **${g.name}**: ${g.status}
<#list g.details as d>
  - ${cell(d)}
</#list>
</#list>

### Waived findings
<#if waived?has_content>
| finding | package | severity | reason | expires | waiver |
|---|---|---|---|---|---|
<#list waived as w>
| ${w.id} | ${cell(w.pkg)} | ${w.severity} | ${cell(w.reason)} | ${w.expires} | `${cell(w.source)}` |
</#list>
<#else>
None.
</#if>

<sub>Opened by pipewright promote; re-running it updates this pull request in place.</sub>
