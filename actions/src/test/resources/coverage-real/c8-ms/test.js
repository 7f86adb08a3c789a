// Exercises part of ms 2.1.3 so the report has covered, missed and partial lines and branches.
const assert = require('assert');
const ms = require('./src/ms');
assert.strictEqual(ms('2 days'), 172800000);
assert.strictEqual(ms('1h'), 3600000);
assert.strictEqual(ms(60000), '1m');
assert.strictEqual(ms(2 * 60000, { long: true }), '2 minutes');
console.log('ok');
