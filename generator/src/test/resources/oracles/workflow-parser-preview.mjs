// GitHub's official parser (@actions/workflow-parser) with its experimental features switched on,
// for workflows that opt in to preview syntax (background, wait, wait-all, cancel, parallel steps).
//   node workflow-parser-preview.mjs FILE...
// Prints findings like workflow-parser.mjs: file:line:col: message [kind].
import { register } from 'node:module';
register('./jsonhook.mjs', import.meta.url);
const fs = await import('node:fs');
const wp = await import('@actions/workflow-parser');
const { TemplateContext, TemplateValidationErrors } = await import('@actions/workflow-parser/templates/template-context');
const { getWorkflowSchema } = await import('@actions/workflow-parser/workflows/workflow-schema');
const { FeatureFlags } = await import('@actions/expressions/features');
const { report, slug } = await import('./common.mjs');

const flags = new FeatureFlags({ allowBackgroundSteps: true });
for (const f of process.argv.slice(2)) {
  try {
    const context = new TemplateContext(new TemplateValidationErrors(), getWorkflowSchema(), new wp.NoOperationTraceWriter());
    context.state.featureFlags = flags;
    const r = wp.parseWorkflow({ name: f, content: fs.readFileSync(f, 'utf8') }, context);
    if (r.value) await wp.convertWorkflowTemplate(r.context, r.value, undefined, { featureFlags: flags });
    for (const e of r.context.errors.getErrors()) {
      const m = /\(Line: (\d+), Col: (\d+)\)/.exec(e.prefix ?? '');
      const s = m ? { line: +m[1], column: +m[2] } : e.range?.start;
      report(f, s?.line, s?.column, e.rawMessage.split('\n')[0], slug(e.rawMessage));
    }
  } catch (e) {
    report(f, 0, 0, `oracle crashed: ${e.message}`, 'crash');
  }
}
