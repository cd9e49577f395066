import { describe, expect, it } from 'vitest';
import { functionCalls, parseNodeTree } from '../../checks/lints/nodeTree.ts';
import { topLevelConjuncts } from '../../checks/lints/multiplePermissivePolicies.ts';
import { wrapCalls } from '../../checks/lints/wrapCalls.ts';

// Trimmed from pg_policy.polqual::text on PostgreSQL 18 (auth.uid() has oid 16498 there).
const PER_ROW = '{OPEXPR :opno 2972 :opfuncid 2956 :args ({FUNCEXPR :funcid 16498 :args <> :location -1} {VAR :varno 1 :varattno 1 :varlevelsup 0 :location -1}) :location -1}';
const WRAPPED =
  '{OPEXPR :opno 2972 :args ({SUBLINK :subLinkType 4 :subLinkId 0 :testexpr <> :subselect {QUERY :commandType 1 :rtable <> :jointree {FROMEXPR :fromlist <> :quals <>} :targetList ({TARGETENTRY :expr {FUNCEXPR :funcid 16498 :args <> :location -1} :resno 1 :resname uid})} :location -1} {VAR :varno 1 :varattno 1 :varlevelsup 0}) :location -1}';
const IN_EXISTS =
  '{SUBLINK :subLinkType 0 :subselect {QUERY :commandType 1 :rtable ({RANGETBLENTRY :eref {ALIAS :aliasname o :colnames ("id" "user_id")} :relid 16777}) :jointree {FROMEXPR :fromlist ({RANGETBLREF :rtindex 1}) :quals {OPEXPR :args ({VAR :varno 1 :varattno 2 :varlevelsup 0} {FUNCEXPR :funcid 16498 :args <>})}} :targetList ({TARGETENTRY :expr {CONST :consttype 23 :constlen 4 :constbyval true :constisnull false :location -1 :constvalue 4 [ 1 0 0 0 0 0 0 0 ]} :resno 1 :resname ?column?})} :location -1}';
const CORRELATED =
  '{OPEXPR :args ({SUBLINK :subLinkType 4 :subselect {QUERY :rtable <> :targetList ({TARGETENTRY :expr {FUNCEXPR :funcid 16500 :args ({VAR :varno 1 :varattno 2 :varlevelsup 1})}})} } {VAR :varno 1 :varattno 1 :varlevelsup 0})}';

describe('policy expression trees', () => {
  it('tells a per-row auth.uid() from one wrapped in a scalar sub-select', () => {
    expect(functionCalls(parseNodeTree(PER_ROW))).toEqual([{ funcid: '16498', wrapped: false }]);
    expect(functionCalls(parseNodeTree(WRAPPED))).toEqual([{ funcid: '16498', wrapped: true }]);
  });

  it('counts a call inside an EXISTS over another table, or a correlated sub-select, as per row', () => {
    expect(functionCalls(parseNodeTree(IN_EXISTS))).toEqual([{ funcid: '16498', wrapped: false }]);
    expect(functionCalls(parseNodeTree(CORRELATED))).toEqual([{ funcid: '16500', wrapped: false }]);
  });

  it('reads quoted names, datum bytes and empty lists without losing its place', () => {
    const tree = parseNodeTree(IN_EXISTS)!;
    expect(tree.type).toBe('SUBLINK');
    expect(tree.fields.subLinkType).toBe('0');
    expect(parseNodeTree('')).toBeNull();
  });
});

describe('remediation text', () => {
  it('wraps each auth call once, leaving string literals and wrapped calls alone', () => {
    expect(wrapCalls("((auth.uid() = user_id) OR (auth.role() = 'service_role'::text))", ['auth.uid', 'auth.role'])).toBe(
      "((( SELECT auth.uid()) = user_id) OR (( SELECT auth.role()) = 'service_role'::text))",
    );
    expect(wrapCalls("(( SELECT auth.uid() AS uid) = user_id) AND (note = 'auth.uid()')", ['auth.uid'])).toBe("(( SELECT auth.uid() AS uid) = user_id) AND (note = 'auth.uid()')");
    expect(wrapCalls("(current_setting('app.x'::text, true) = 'y'::text)", ['current_setting'])).toBe("(( SELECT current_setting('app.x'::text, true)) = 'y'::text)");
  });

  it('splits an expression into its top-level AND terms only', () => {
    expect(topLevelConjuncts("((bucket_id = 'a AND b'::text) AND (auth.role() = 'service_role'::text))")).toEqual(["(bucket_id = 'a AND b'::text)", "(auth.role() = 'service_role'::text)"]);
    expect(topLevelConjuncts('((a AND b) OR c)')).toEqual(['(a AND b) OR c']);
  });
});
