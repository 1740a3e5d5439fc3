#!/usr/bin/env node
import { openSync, closeSync, fstatSync, readSync, realpathSync } from 'node:fs';
import { resolve as resolve$1, dirname, join, relative as relative$1, normalize, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { readFile, mkdir, writeFile, mkdtemp, rm, realpath, access as access$1, cp } from 'node:fs/promises';
import require$$0 from 'process';
import require$$0$1 from 'buffer';
import { tmpdir } from 'node:os';
import { spawn } from 'node:child_process';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

var ajv$2 = {exports: {}};

var core$1 = {};

var validate$1 = {};

var boolSchema = {};

var errors$1 = {};

var codegen = {};

var code$1 = {};

var hasRequiredCode$1;

function requireCode$1 () {
	if (hasRequiredCode$1) return code$1;
	hasRequiredCode$1 = 1;
	(function (exports) {
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.regexpCode = exports.getEsmExportName = exports.getProperty = exports.safeStringify = exports.stringify = exports.strConcat = exports.addCodeArg = exports.str = exports._ = exports.nil = exports._Code = exports.Name = exports.IDENTIFIER = exports._CodeOrName = void 0;
		// eslint-disable-next-line @typescript-eslint/no-extraneous-class
		class _CodeOrName {
		}
		exports._CodeOrName = _CodeOrName;
		exports.IDENTIFIER = /^[a-z$_][a-z$_0-9]*$/i;
		class Name extends _CodeOrName {
		    constructor(s) {
		        super();
		        if (!exports.IDENTIFIER.test(s))
		            throw new Error("CodeGen: name must be a valid identifier");
		        this.str = s;
		    }
		    toString() {
		        return this.str;
		    }
		    emptyStr() {
		        return false;
		    }
		    get names() {
		        return { [this.str]: 1 };
		    }
		}
		exports.Name = Name;
		class _Code extends _CodeOrName {
		    constructor(code) {
		        super();
		        this._items = typeof code === "string" ? [code] : code;
		    }
		    toString() {
		        return this.str;
		    }
		    emptyStr() {
		        if (this._items.length > 1)
		            return false;
		        const item = this._items[0];
		        return item === "" || item === '""';
		    }
		    get str() {
		        var _a;
		        return ((_a = this._str) !== null && _a !== void 0 ? _a : (this._str = this._items.reduce((s, c) => `${s}${c}`, "")));
		    }
		    get names() {
		        var _a;
		        return ((_a = this._names) !== null && _a !== void 0 ? _a : (this._names = this._items.reduce((names, c) => {
		            if (c instanceof Name)
		                names[c.str] = (names[c.str] || 0) + 1;
		            return names;
		        }, {})));
		    }
		}
		exports._Code = _Code;
		exports.nil = new _Code("");
		function _(strs, ...args) {
		    const code = [strs[0]];
		    let i = 0;
		    while (i < args.length) {
		        addCodeArg(code, args[i]);
		        code.push(strs[++i]);
		    }
		    return new _Code(code);
		}
		exports._ = _;
		const plus = new _Code("+");
		function str(strs, ...args) {
		    const expr = [safeStringify(strs[0])];
		    let i = 0;
		    while (i < args.length) {
		        expr.push(plus);
		        addCodeArg(expr, args[i]);
		        expr.push(plus, safeStringify(strs[++i]));
		    }
		    optimize(expr);
		    return new _Code(expr);
		}
		exports.str = str;
		function addCodeArg(code, arg) {
		    if (arg instanceof _Code)
		        code.push(...arg._items);
		    else if (arg instanceof Name)
		        code.push(arg);
		    else
		        code.push(interpolate(arg));
		}
		exports.addCodeArg = addCodeArg;
		function optimize(expr) {
		    let i = 1;
		    while (i < expr.length - 1) {
		        if (expr[i] === plus) {
		            const res = mergeExprItems(expr[i - 1], expr[i + 1]);
		            if (res !== undefined) {
		                expr.splice(i - 1, 3, res);
		                continue;
		            }
		            expr[i++] = "+";
		        }
		        i++;
		    }
		}
		function mergeExprItems(a, b) {
		    if (b === '""')
		        return a;
		    if (a === '""')
		        return b;
		    if (typeof a == "string") {
		        if (b instanceof Name || a[a.length - 1] !== '"')
		            return;
		        if (typeof b != "string")
		            return `${a.slice(0, -1)}${b}"`;
		        if (b[0] === '"')
		            return a.slice(0, -1) + b.slice(1);
		        return;
		    }
		    if (typeof b == "string" && b[0] === '"' && !(a instanceof Name))
		        return `"${a}${b.slice(1)}`;
		    return;
		}
		function strConcat(c1, c2) {
		    return c2.emptyStr() ? c1 : c1.emptyStr() ? c2 : str `${c1}${c2}`;
		}
		exports.strConcat = strConcat;
		// TODO do not allow arrays here
		function interpolate(x) {
		    return typeof x == "number" || typeof x == "boolean" || x === null
		        ? x
		        : safeStringify(Array.isArray(x) ? x.join(",") : x);
		}
		function stringify(x) {
		    return new _Code(safeStringify(x));
		}
		exports.stringify = stringify;
		function safeStringify(x) {
		    return JSON.stringify(x)
		        .replace(/\u2028/g, "\\u2028")
		        .replace(/\u2029/g, "\\u2029");
		}
		exports.safeStringify = safeStringify;
		function getProperty(key) {
		    return typeof key == "string" && exports.IDENTIFIER.test(key) ? new _Code(`.${key}`) : _ `[${key}]`;
		}
		exports.getProperty = getProperty;
		//Does best effort to format the name properly
		function getEsmExportName(key) {
		    if (typeof key == "string" && exports.IDENTIFIER.test(key)) {
		        return new _Code(`${key}`);
		    }
		    throw new Error(`CodeGen: invalid export name: ${key}, use explicit $id name mapping`);
		}
		exports.getEsmExportName = getEsmExportName;
		function regexpCode(rx) {
		    return new _Code(rx.toString());
		}
		exports.regexpCode = regexpCode;
		
	} (code$1));
	return code$1;
}

var scope = {};

var hasRequiredScope;

function requireScope () {
	if (hasRequiredScope) return scope;
	hasRequiredScope = 1;
	(function (exports) {
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.ValueScope = exports.ValueScopeName = exports.Scope = exports.varKinds = exports.UsedValueState = void 0;
		const code_1 = /*@__PURE__*/ requireCode$1();
		class ValueError extends Error {
		    constructor(name) {
		        super(`CodeGen: "code" for ${name} not defined`);
		        this.value = name.value;
		    }
		}
		var UsedValueState;
		(function (UsedValueState) {
		    UsedValueState[UsedValueState["Started"] = 0] = "Started";
		    UsedValueState[UsedValueState["Completed"] = 1] = "Completed";
		})(UsedValueState || (exports.UsedValueState = UsedValueState = {}));
		exports.varKinds = {
		    const: new code_1.Name("const"),
		    let: new code_1.Name("let"),
		    var: new code_1.Name("var"),
		};
		class Scope {
		    constructor({ prefixes, parent } = {}) {
		        this._names = {};
		        this._prefixes = prefixes;
		        this._parent = parent;
		    }
		    toName(nameOrPrefix) {
		        return nameOrPrefix instanceof code_1.Name ? nameOrPrefix : this.name(nameOrPrefix);
		    }
		    name(prefix) {
		        return new code_1.Name(this._newName(prefix));
		    }
		    _newName(prefix) {
		        const ng = this._names[prefix] || this._nameGroup(prefix);
		        return `${prefix}${ng.index++}`;
		    }
		    _nameGroup(prefix) {
		        var _a, _b;
		        if (((_b = (_a = this._parent) === null || _a === void 0 ? void 0 : _a._prefixes) === null || _b === void 0 ? void 0 : _b.has(prefix)) || (this._prefixes && !this._prefixes.has(prefix))) {
		            throw new Error(`CodeGen: prefix "${prefix}" is not allowed in this scope`);
		        }
		        return (this._names[prefix] = { prefix, index: 0 });
		    }
		}
		exports.Scope = Scope;
		class ValueScopeName extends code_1.Name {
		    constructor(prefix, nameStr) {
		        super(nameStr);
		        this.prefix = prefix;
		    }
		    setValue(value, { property, itemIndex }) {
		        this.value = value;
		        this.scopePath = (0, code_1._) `.${new code_1.Name(property)}[${itemIndex}]`;
		    }
		}
		exports.ValueScopeName = ValueScopeName;
		const line = (0, code_1._) `\n`;
		class ValueScope extends Scope {
		    constructor(opts) {
		        super(opts);
		        this._values = {};
		        this._scope = opts.scope;
		        this.opts = { ...opts, _n: opts.lines ? line : code_1.nil };
		    }
		    get() {
		        return this._scope;
		    }
		    name(prefix) {
		        return new ValueScopeName(prefix, this._newName(prefix));
		    }
		    value(nameOrPrefix, value) {
		        var _a;
		        if (value.ref === undefined)
		            throw new Error("CodeGen: ref must be passed in value");
		        const name = this.toName(nameOrPrefix);
		        const { prefix } = name;
		        const valueKey = (_a = value.key) !== null && _a !== void 0 ? _a : value.ref;
		        let vs = this._values[prefix];
		        if (vs) {
		            const _name = vs.get(valueKey);
		            if (_name)
		                return _name;
		        }
		        else {
		            vs = this._values[prefix] = new Map();
		        }
		        vs.set(valueKey, name);
		        const s = this._scope[prefix] || (this._scope[prefix] = []);
		        const itemIndex = s.length;
		        s[itemIndex] = value.ref;
		        name.setValue(value, { property: prefix, itemIndex });
		        return name;
		    }
		    getValue(prefix, keyOrRef) {
		        const vs = this._values[prefix];
		        if (!vs)
		            return;
		        return vs.get(keyOrRef);
		    }
		    scopeRefs(scopeName, values = this._values) {
		        return this._reduceValues(values, (name) => {
		            if (name.scopePath === undefined)
		                throw new Error(`CodeGen: name "${name}" has no value`);
		            return (0, code_1._) `${scopeName}${name.scopePath}`;
		        });
		    }
		    scopeCode(values = this._values, usedValues, getCode) {
		        return this._reduceValues(values, (name) => {
		            if (name.value === undefined)
		                throw new Error(`CodeGen: name "${name}" has no value`);
		            return name.value.code;
		        }, usedValues, getCode);
		    }
		    _reduceValues(values, valueCode, usedValues = {}, getCode) {
		        let code = code_1.nil;
		        for (const prefix in values) {
		            const vs = values[prefix];
		            if (!vs)
		                continue;
		            const nameSet = (usedValues[prefix] = usedValues[prefix] || new Map());
		            vs.forEach((name) => {
		                if (nameSet.has(name))
		                    return;
		                nameSet.set(name, UsedValueState.Started);
		                let c = valueCode(name);
		                if (c) {
		                    const def = this.opts.es5 ? exports.varKinds.var : exports.varKinds.const;
		                    code = (0, code_1._) `${code}${def} ${name} = ${c};${this.opts._n}`;
		                }
		                else if ((c = getCode === null || getCode === void 0 ? void 0 : getCode(name))) {
		                    code = (0, code_1._) `${code}${c}${this.opts._n}`;
		                }
		                else {
		                    throw new ValueError(name);
		                }
		                nameSet.set(name, UsedValueState.Completed);
		            });
		        }
		        return code;
		    }
		}
		exports.ValueScope = ValueScope;
		
	} (scope));
	return scope;
}

var hasRequiredCodegen;

function requireCodegen () {
	if (hasRequiredCodegen) return codegen;
	hasRequiredCodegen = 1;
	(function (exports) {
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.or = exports.and = exports.not = exports.CodeGen = exports.operators = exports.varKinds = exports.ValueScopeName = exports.ValueScope = exports.Scope = exports.Name = exports.regexpCode = exports.stringify = exports.getProperty = exports.nil = exports.strConcat = exports.str = exports._ = void 0;
		const code_1 = /*@__PURE__*/ requireCode$1();
		const scope_1 = /*@__PURE__*/ requireScope();
		var code_2 = /*@__PURE__*/ requireCode$1();
		Object.defineProperty(exports, "_", { enumerable: true, get: function () { return code_2._; } });
		Object.defineProperty(exports, "str", { enumerable: true, get: function () { return code_2.str; } });
		Object.defineProperty(exports, "strConcat", { enumerable: true, get: function () { return code_2.strConcat; } });
		Object.defineProperty(exports, "nil", { enumerable: true, get: function () { return code_2.nil; } });
		Object.defineProperty(exports, "getProperty", { enumerable: true, get: function () { return code_2.getProperty; } });
		Object.defineProperty(exports, "stringify", { enumerable: true, get: function () { return code_2.stringify; } });
		Object.defineProperty(exports, "regexpCode", { enumerable: true, get: function () { return code_2.regexpCode; } });
		Object.defineProperty(exports, "Name", { enumerable: true, get: function () { return code_2.Name; } });
		var scope_2 = /*@__PURE__*/ requireScope();
		Object.defineProperty(exports, "Scope", { enumerable: true, get: function () { return scope_2.Scope; } });
		Object.defineProperty(exports, "ValueScope", { enumerable: true, get: function () { return scope_2.ValueScope; } });
		Object.defineProperty(exports, "ValueScopeName", { enumerable: true, get: function () { return scope_2.ValueScopeName; } });
		Object.defineProperty(exports, "varKinds", { enumerable: true, get: function () { return scope_2.varKinds; } });
		exports.operators = {
		    GT: new code_1._Code(">"),
		    GTE: new code_1._Code(">="),
		    LT: new code_1._Code("<"),
		    LTE: new code_1._Code("<="),
		    EQ: new code_1._Code("==="),
		    NEQ: new code_1._Code("!=="),
		    NOT: new code_1._Code("!"),
		    OR: new code_1._Code("||"),
		    AND: new code_1._Code("&&"),
		    ADD: new code_1._Code("+"),
		};
		class Node {
		    optimizeNodes() {
		        return this;
		    }
		    optimizeNames(_names, _constants) {
		        return this;
		    }
		}
		class Def extends Node {
		    constructor(varKind, name, rhs) {
		        super();
		        this.varKind = varKind;
		        this.name = name;
		        this.rhs = rhs;
		    }
		    render({ es5, _n }) {
		        const varKind = es5 ? scope_1.varKinds.var : this.varKind;
		        const rhs = this.rhs === undefined ? "" : ` = ${this.rhs}`;
		        return `${varKind} ${this.name}${rhs};` + _n;
		    }
		    optimizeNames(names, constants) {
		        if (!names[this.name.str])
		            return;
		        if (this.rhs)
		            this.rhs = optimizeExpr(this.rhs, names, constants);
		        return this;
		    }
		    get names() {
		        return this.rhs instanceof code_1._CodeOrName ? this.rhs.names : {};
		    }
		}
		class Assign extends Node {
		    constructor(lhs, rhs, sideEffects) {
		        super();
		        this.lhs = lhs;
		        this.rhs = rhs;
		        this.sideEffects = sideEffects;
		    }
		    render({ _n }) {
		        return `${this.lhs} = ${this.rhs};` + _n;
		    }
		    optimizeNames(names, constants) {
		        if (this.lhs instanceof code_1.Name && !names[this.lhs.str] && !this.sideEffects)
		            return;
		        this.rhs = optimizeExpr(this.rhs, names, constants);
		        return this;
		    }
		    get names() {
		        const names = this.lhs instanceof code_1.Name ? {} : { ...this.lhs.names };
		        return addExprNames(names, this.rhs);
		    }
		}
		class AssignOp extends Assign {
		    constructor(lhs, op, rhs, sideEffects) {
		        super(lhs, rhs, sideEffects);
		        this.op = op;
		    }
		    render({ _n }) {
		        return `${this.lhs} ${this.op}= ${this.rhs};` + _n;
		    }
		}
		class Label extends Node {
		    constructor(label) {
		        super();
		        this.label = label;
		        this.names = {};
		    }
		    render({ _n }) {
		        return `${this.label}:` + _n;
		    }
		}
		class Break extends Node {
		    constructor(label) {
		        super();
		        this.label = label;
		        this.names = {};
		    }
		    render({ _n }) {
		        const label = this.label ? ` ${this.label}` : "";
		        return `break${label};` + _n;
		    }
		}
		class Throw extends Node {
		    constructor(error) {
		        super();
		        this.error = error;
		    }
		    render({ _n }) {
		        return `throw ${this.error};` + _n;
		    }
		    get names() {
		        return this.error.names;
		    }
		}
		class AnyCode extends Node {
		    constructor(code) {
		        super();
		        this.code = code;
		    }
		    render({ _n }) {
		        return `${this.code};` + _n;
		    }
		    optimizeNodes() {
		        return `${this.code}` ? this : undefined;
		    }
		    optimizeNames(names, constants) {
		        this.code = optimizeExpr(this.code, names, constants);
		        return this;
		    }
		    get names() {
		        return this.code instanceof code_1._CodeOrName ? this.code.names : {};
		    }
		}
		class ParentNode extends Node {
		    constructor(nodes = []) {
		        super();
		        this.nodes = nodes;
		    }
		    render(opts) {
		        return this.nodes.reduce((code, n) => code + n.render(opts), "");
		    }
		    optimizeNodes() {
		        const { nodes } = this;
		        let i = nodes.length;
		        while (i--) {
		            const n = nodes[i].optimizeNodes();
		            if (Array.isArray(n))
		                nodes.splice(i, 1, ...n);
		            else if (n)
		                nodes[i] = n;
		            else
		                nodes.splice(i, 1);
		        }
		        return nodes.length > 0 ? this : undefined;
		    }
		    optimizeNames(names, constants) {
		        const { nodes } = this;
		        let i = nodes.length;
		        while (i--) {
		            // iterating backwards improves 1-pass optimization
		            const n = nodes[i];
		            if (n.optimizeNames(names, constants))
		                continue;
		            subtractNames(names, n.names);
		            nodes.splice(i, 1);
		        }
		        return nodes.length > 0 ? this : undefined;
		    }
		    get names() {
		        return this.nodes.reduce((names, n) => addNames(names, n.names), {});
		    }
		}
		class BlockNode extends ParentNode {
		    render(opts) {
		        return "{" + opts._n + super.render(opts) + "}" + opts._n;
		    }
		}
		class Root extends ParentNode {
		}
		class Else extends BlockNode {
		}
		Else.kind = "else";
		class If extends BlockNode {
		    constructor(condition, nodes) {
		        super(nodes);
		        this.condition = condition;
		    }
		    render(opts) {
		        let code = `if(${this.condition})` + super.render(opts);
		        if (this.else)
		            code += "else " + this.else.render(opts);
		        return code;
		    }
		    optimizeNodes() {
		        super.optimizeNodes();
		        const cond = this.condition;
		        if (cond === true)
		            return this.nodes; // else is ignored here
		        let e = this.else;
		        if (e) {
		            const ns = e.optimizeNodes();
		            e = this.else = Array.isArray(ns) ? new Else(ns) : ns;
		        }
		        if (e) {
		            if (cond === false)
		                return e instanceof If ? e : e.nodes;
		            if (this.nodes.length)
		                return this;
		            return new If(not(cond), e instanceof If ? [e] : e.nodes);
		        }
		        if (cond === false || !this.nodes.length)
		            return undefined;
		        return this;
		    }
		    optimizeNames(names, constants) {
		        var _a;
		        this.else = (_a = this.else) === null || _a === void 0 ? void 0 : _a.optimizeNames(names, constants);
		        if (!(super.optimizeNames(names, constants) || this.else))
		            return;
		        this.condition = optimizeExpr(this.condition, names, constants);
		        return this;
		    }
		    get names() {
		        const names = super.names;
		        addExprNames(names, this.condition);
		        if (this.else)
		            addNames(names, this.else.names);
		        return names;
		    }
		}
		If.kind = "if";
		class For extends BlockNode {
		}
		For.kind = "for";
		class ForLoop extends For {
		    constructor(iteration) {
		        super();
		        this.iteration = iteration;
		    }
		    render(opts) {
		        return `for(${this.iteration})` + super.render(opts);
		    }
		    optimizeNames(names, constants) {
		        if (!super.optimizeNames(names, constants))
		            return;
		        this.iteration = optimizeExpr(this.iteration, names, constants);
		        return this;
		    }
		    get names() {
		        return addNames(super.names, this.iteration.names);
		    }
		}
		class ForRange extends For {
		    constructor(varKind, name, from, to) {
		        super();
		        this.varKind = varKind;
		        this.name = name;
		        this.from = from;
		        this.to = to;
		    }
		    render(opts) {
		        const varKind = opts.es5 ? scope_1.varKinds.var : this.varKind;
		        const { name, from, to } = this;
		        return `for(${varKind} ${name}=${from}; ${name}<${to}; ${name}++)` + super.render(opts);
		    }
		    get names() {
		        const names = addExprNames(super.names, this.from);
		        return addExprNames(names, this.to);
		    }
		}
		class ForIter extends For {
		    constructor(loop, varKind, name, iterable) {
		        super();
		        this.loop = loop;
		        this.varKind = varKind;
		        this.name = name;
		        this.iterable = iterable;
		    }
		    render(opts) {
		        return `for(${this.varKind} ${this.name} ${this.loop} ${this.iterable})` + super.render(opts);
		    }
		    optimizeNames(names, constants) {
		        if (!super.optimizeNames(names, constants))
		            return;
		        this.iterable = optimizeExpr(this.iterable, names, constants);
		        return this;
		    }
		    get names() {
		        return addNames(super.names, this.iterable.names);
		    }
		}
		class Func extends BlockNode {
		    constructor(name, args, async) {
		        super();
		        this.name = name;
		        this.args = args;
		        this.async = async;
		    }
		    render(opts) {
		        const _async = this.async ? "async " : "";
		        return `${_async}function ${this.name}(${this.args})` + super.render(opts);
		    }
		}
		Func.kind = "func";
		class Return extends ParentNode {
		    render(opts) {
		        return "return " + super.render(opts);
		    }
		}
		Return.kind = "return";
		class Try extends BlockNode {
		    render(opts) {
		        let code = "try" + super.render(opts);
		        if (this.catch)
		            code += this.catch.render(opts);
		        if (this.finally)
		            code += this.finally.render(opts);
		        return code;
		    }
		    optimizeNodes() {
		        var _a, _b;
		        super.optimizeNodes();
		        (_a = this.catch) === null || _a === void 0 ? void 0 : _a.optimizeNodes();
		        (_b = this.finally) === null || _b === void 0 ? void 0 : _b.optimizeNodes();
		        return this;
		    }
		    optimizeNames(names, constants) {
		        var _a, _b;
		        super.optimizeNames(names, constants);
		        (_a = this.catch) === null || _a === void 0 ? void 0 : _a.optimizeNames(names, constants);
		        (_b = this.finally) === null || _b === void 0 ? void 0 : _b.optimizeNames(names, constants);
		        return this;
		    }
		    get names() {
		        const names = super.names;
		        if (this.catch)
		            addNames(names, this.catch.names);
		        if (this.finally)
		            addNames(names, this.finally.names);
		        return names;
		    }
		}
		class Catch extends BlockNode {
		    constructor(error) {
		        super();
		        this.error = error;
		    }
		    render(opts) {
		        return `catch(${this.error})` + super.render(opts);
		    }
		}
		Catch.kind = "catch";
		class Finally extends BlockNode {
		    render(opts) {
		        return "finally" + super.render(opts);
		    }
		}
		Finally.kind = "finally";
		class CodeGen {
		    constructor(extScope, opts = {}) {
		        this._values = {};
		        this._blockStarts = [];
		        this._constants = {};
		        this.opts = { ...opts, _n: opts.lines ? "\n" : "" };
		        this._extScope = extScope;
		        this._scope = new scope_1.Scope({ parent: extScope });
		        this._nodes = [new Root()];
		    }
		    toString() {
		        return this._root.render(this.opts);
		    }
		    // returns unique name in the internal scope
		    name(prefix) {
		        return this._scope.name(prefix);
		    }
		    // reserves unique name in the external scope
		    scopeName(prefix) {
		        return this._extScope.name(prefix);
		    }
		    // reserves unique name in the external scope and assigns value to it
		    scopeValue(prefixOrName, value) {
		        const name = this._extScope.value(prefixOrName, value);
		        const vs = this._values[name.prefix] || (this._values[name.prefix] = new Set());
		        vs.add(name);
		        return name;
		    }
		    getScopeValue(prefix, keyOrRef) {
		        return this._extScope.getValue(prefix, keyOrRef);
		    }
		    // return code that assigns values in the external scope to the names that are used internally
		    // (same names that were returned by gen.scopeName or gen.scopeValue)
		    scopeRefs(scopeName) {
		        return this._extScope.scopeRefs(scopeName, this._values);
		    }
		    scopeCode() {
		        return this._extScope.scopeCode(this._values);
		    }
		    _def(varKind, nameOrPrefix, rhs, constant) {
		        const name = this._scope.toName(nameOrPrefix);
		        if (rhs !== undefined && constant)
		            this._constants[name.str] = rhs;
		        this._leafNode(new Def(varKind, name, rhs));
		        return name;
		    }
		    // `const` declaration (`var` in es5 mode)
		    const(nameOrPrefix, rhs, _constant) {
		        return this._def(scope_1.varKinds.const, nameOrPrefix, rhs, _constant);
		    }
		    // `let` declaration with optional assignment (`var` in es5 mode)
		    let(nameOrPrefix, rhs, _constant) {
		        return this._def(scope_1.varKinds.let, nameOrPrefix, rhs, _constant);
		    }
		    // `var` declaration with optional assignment
		    var(nameOrPrefix, rhs, _constant) {
		        return this._def(scope_1.varKinds.var, nameOrPrefix, rhs, _constant);
		    }
		    // assignment code
		    assign(lhs, rhs, sideEffects) {
		        return this._leafNode(new Assign(lhs, rhs, sideEffects));
		    }
		    // `+=` code
		    add(lhs, rhs) {
		        return this._leafNode(new AssignOp(lhs, exports.operators.ADD, rhs));
		    }
		    // appends passed SafeExpr to code or executes Block
		    code(c) {
		        if (typeof c == "function")
		            c();
		        else if (c !== code_1.nil)
		            this._leafNode(new AnyCode(c));
		        return this;
		    }
		    // returns code for object literal for the passed argument list of key-value pairs
		    object(...keyValues) {
		        const code = ["{"];
		        for (const [key, value] of keyValues) {
		            if (code.length > 1)
		                code.push(",");
		            code.push(key);
		            if (key !== value || this.opts.es5) {
		                code.push(":");
		                (0, code_1.addCodeArg)(code, value);
		            }
		        }
		        code.push("}");
		        return new code_1._Code(code);
		    }
		    // `if` clause (or statement if `thenBody` and, optionally, `elseBody` are passed)
		    if(condition, thenBody, elseBody) {
		        this._blockNode(new If(condition));
		        if (thenBody && elseBody) {
		            this.code(thenBody).else().code(elseBody).endIf();
		        }
		        else if (thenBody) {
		            this.code(thenBody).endIf();
		        }
		        else if (elseBody) {
		            throw new Error('CodeGen: "else" body without "then" body');
		        }
		        return this;
		    }
		    // `else if` clause - invalid without `if` or after `else` clauses
		    elseIf(condition) {
		        return this._elseNode(new If(condition));
		    }
		    // `else` clause - only valid after `if` or `else if` clauses
		    else() {
		        return this._elseNode(new Else());
		    }
		    // end `if` statement (needed if gen.if was used only with condition)
		    endIf() {
		        return this._endBlockNode(If, Else);
		    }
		    _for(node, forBody) {
		        this._blockNode(node);
		        if (forBody)
		            this.code(forBody).endFor();
		        return this;
		    }
		    // a generic `for` clause (or statement if `forBody` is passed)
		    for(iteration, forBody) {
		        return this._for(new ForLoop(iteration), forBody);
		    }
		    // `for` statement for a range of values
		    forRange(nameOrPrefix, from, to, forBody, varKind = this.opts.es5 ? scope_1.varKinds.var : scope_1.varKinds.let) {
		        const name = this._scope.toName(nameOrPrefix);
		        return this._for(new ForRange(varKind, name, from, to), () => forBody(name));
		    }
		    // `for-of` statement (in es5 mode replace with a normal for loop)
		    forOf(nameOrPrefix, iterable, forBody, varKind = scope_1.varKinds.const) {
		        const name = this._scope.toName(nameOrPrefix);
		        if (this.opts.es5) {
		            const arr = iterable instanceof code_1.Name ? iterable : this.var("_arr", iterable);
		            return this.forRange("_i", 0, (0, code_1._) `${arr}.length`, (i) => {
		                this.var(name, (0, code_1._) `${arr}[${i}]`);
		                forBody(name);
		            });
		        }
		        return this._for(new ForIter("of", varKind, name, iterable), () => forBody(name));
		    }
		    // `for-in` statement.
		    // With option `ownProperties` replaced with a `for-of` loop for object keys
		    forIn(nameOrPrefix, obj, forBody, varKind = this.opts.es5 ? scope_1.varKinds.var : scope_1.varKinds.const) {
		        if (this.opts.ownProperties) {
		            return this.forOf(nameOrPrefix, (0, code_1._) `Object.keys(${obj})`, forBody);
		        }
		        const name = this._scope.toName(nameOrPrefix);
		        return this._for(new ForIter("in", varKind, name, obj), () => forBody(name));
		    }
		    // end `for` loop
		    endFor() {
		        return this._endBlockNode(For);
		    }
		    // `label` statement
		    label(label) {
		        return this._leafNode(new Label(label));
		    }
		    // `break` statement
		    break(label) {
		        return this._leafNode(new Break(label));
		    }
		    // `return` statement
		    return(value) {
		        const node = new Return();
		        this._blockNode(node);
		        this.code(value);
		        if (node.nodes.length !== 1)
		            throw new Error('CodeGen: "return" should have one node');
		        return this._endBlockNode(Return);
		    }
		    // `try` statement
		    try(tryBody, catchCode, finallyCode) {
		        if (!catchCode && !finallyCode)
		            throw new Error('CodeGen: "try" without "catch" and "finally"');
		        const node = new Try();
		        this._blockNode(node);
		        this.code(tryBody);
		        if (catchCode) {
		            const error = this.name("e");
		            this._currNode = node.catch = new Catch(error);
		            catchCode(error);
		        }
		        if (finallyCode) {
		            this._currNode = node.finally = new Finally();
		            this.code(finallyCode);
		        }
		        return this._endBlockNode(Catch, Finally);
		    }
		    // `throw` statement
		    throw(error) {
		        return this._leafNode(new Throw(error));
		    }
		    // start self-balancing block
		    block(body, nodeCount) {
		        this._blockStarts.push(this._nodes.length);
		        if (body)
		            this.code(body).endBlock(nodeCount);
		        return this;
		    }
		    // end the current self-balancing block
		    endBlock(nodeCount) {
		        const len = this._blockStarts.pop();
		        if (len === undefined)
		            throw new Error("CodeGen: not in self-balancing block");
		        const toClose = this._nodes.length - len;
		        if (toClose < 0 || (nodeCount !== undefined && toClose !== nodeCount)) {
		            throw new Error(`CodeGen: wrong number of nodes: ${toClose} vs ${nodeCount} expected`);
		        }
		        this._nodes.length = len;
		        return this;
		    }
		    // `function` heading (or definition if funcBody is passed)
		    func(name, args = code_1.nil, async, funcBody) {
		        this._blockNode(new Func(name, args, async));
		        if (funcBody)
		            this.code(funcBody).endFunc();
		        return this;
		    }
		    // end function definition
		    endFunc() {
		        return this._endBlockNode(Func);
		    }
		    optimize(n = 1) {
		        while (n-- > 0) {
		            this._root.optimizeNodes();
		            this._root.optimizeNames(this._root.names, this._constants);
		        }
		    }
		    _leafNode(node) {
		        this._currNode.nodes.push(node);
		        return this;
		    }
		    _blockNode(node) {
		        this._currNode.nodes.push(node);
		        this._nodes.push(node);
		    }
		    _endBlockNode(N1, N2) {
		        const n = this._currNode;
		        if (n instanceof N1 || (N2 && n instanceof N2)) {
		            this._nodes.pop();
		            return this;
		        }
		        throw new Error(`CodeGen: not in block "${N2 ? `${N1.kind}/${N2.kind}` : N1.kind}"`);
		    }
		    _elseNode(node) {
		        const n = this._currNode;
		        if (!(n instanceof If)) {
		            throw new Error('CodeGen: "else" without "if"');
		        }
		        this._currNode = n.else = node;
		        return this;
		    }
		    get _root() {
		        return this._nodes[0];
		    }
		    get _currNode() {
		        const ns = this._nodes;
		        return ns[ns.length - 1];
		    }
		    set _currNode(node) {
		        const ns = this._nodes;
		        ns[ns.length - 1] = node;
		    }
		}
		exports.CodeGen = CodeGen;
		function addNames(names, from) {
		    for (const n in from)
		        names[n] = (names[n] || 0) + (from[n] || 0);
		    return names;
		}
		function addExprNames(names, from) {
		    return from instanceof code_1._CodeOrName ? addNames(names, from.names) : names;
		}
		function optimizeExpr(expr, names, constants) {
		    if (expr instanceof code_1.Name)
		        return replaceName(expr);
		    if (!canOptimize(expr))
		        return expr;
		    return new code_1._Code(expr._items.reduce((items, c) => {
		        if (c instanceof code_1.Name)
		            c = replaceName(c);
		        if (c instanceof code_1._Code)
		            items.push(...c._items);
		        else
		            items.push(c);
		        return items;
		    }, []));
		    function replaceName(n) {
		        const c = constants[n.str];
		        if (c === undefined || names[n.str] !== 1)
		            return n;
		        delete names[n.str];
		        return c;
		    }
		    function canOptimize(e) {
		        return (e instanceof code_1._Code &&
		            e._items.some((c) => c instanceof code_1.Name && names[c.str] === 1 && constants[c.str] !== undefined));
		    }
		}
		function subtractNames(names, from) {
		    for (const n in from)
		        names[n] = (names[n] || 0) - (from[n] || 0);
		}
		function not(x) {
		    return typeof x == "boolean" || typeof x == "number" || x === null ? !x : (0, code_1._) `!${par(x)}`;
		}
		exports.not = not;
		const andCode = mappend(exports.operators.AND);
		// boolean AND (&&) expression with the passed arguments
		function and(...args) {
		    return args.reduce(andCode);
		}
		exports.and = and;
		const orCode = mappend(exports.operators.OR);
		// boolean OR (||) expression with the passed arguments
		function or(...args) {
		    return args.reduce(orCode);
		}
		exports.or = or;
		function mappend(op) {
		    return (x, y) => (x === code_1.nil ? y : y === code_1.nil ? x : (0, code_1._) `${par(x)} ${op} ${par(y)}`);
		}
		function par(x) {
		    return x instanceof code_1.Name ? x : (0, code_1._) `(${x})`;
		}
		
	} (codegen));
	return codegen;
}

var util = {};

var hasRequiredUtil;

function requireUtil () {
	if (hasRequiredUtil) return util;
	hasRequiredUtil = 1;
	Object.defineProperty(util, "__esModule", { value: true });
	util.checkStrictMode = util.getErrorPath = util.Type = util.useFunc = util.setEvaluated = util.evaluatedPropsToName = util.mergeEvaluated = util.eachItem = util.unescapeJsonPointer = util.escapeJsonPointer = util.escapeFragment = util.unescapeFragment = util.schemaRefOrVal = util.schemaHasRulesButRef = util.schemaHasRules = util.checkUnknownRules = util.alwaysValidSchema = util.toHash = void 0;
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const code_1 = /*@__PURE__*/ requireCode$1();
	// TODO refactor to use Set
	function toHash(arr) {
	    const hash = {};
	    for (const item of arr)
	        hash[item] = true;
	    return hash;
	}
	util.toHash = toHash;
	function alwaysValidSchema(it, schema) {
	    if (typeof schema == "boolean")
	        return schema;
	    if (Object.keys(schema).length === 0)
	        return true;
	    checkUnknownRules(it, schema);
	    return !schemaHasRules(schema, it.self.RULES.all);
	}
	util.alwaysValidSchema = alwaysValidSchema;
	function checkUnknownRules(it, schema = it.schema) {
	    const { opts, self } = it;
	    if (!opts.strictSchema)
	        return;
	    if (typeof schema === "boolean")
	        return;
	    const rules = self.RULES.keywords;
	    for (const key in schema) {
	        if (!rules[key])
	            checkStrictMode(it, `unknown keyword: "${key}"`);
	    }
	}
	util.checkUnknownRules = checkUnknownRules;
	function schemaHasRules(schema, rules) {
	    if (typeof schema == "boolean")
	        return !schema;
	    for (const key in schema)
	        if (rules[key])
	            return true;
	    return false;
	}
	util.schemaHasRules = schemaHasRules;
	function schemaHasRulesButRef(schema, RULES) {
	    if (typeof schema == "boolean")
	        return !schema;
	    for (const key in schema)
	        if (key !== "$ref" && RULES.all[key])
	            return true;
	    return false;
	}
	util.schemaHasRulesButRef = schemaHasRulesButRef;
	function schemaRefOrVal({ topSchemaRef, schemaPath }, schema, keyword, $data) {
	    if (!$data) {
	        if (typeof schema == "number" || typeof schema == "boolean")
	            return schema;
	        if (typeof schema == "string")
	            return (0, codegen_1._) `${schema}`;
	    }
	    return (0, codegen_1._) `${topSchemaRef}${schemaPath}${(0, codegen_1.getProperty)(keyword)}`;
	}
	util.schemaRefOrVal = schemaRefOrVal;
	function unescapeFragment(str) {
	    return unescapeJsonPointer(decodeURIComponent(str));
	}
	util.unescapeFragment = unescapeFragment;
	function escapeFragment(str) {
	    return encodeURIComponent(escapeJsonPointer(str));
	}
	util.escapeFragment = escapeFragment;
	function escapeJsonPointer(str) {
	    if (typeof str == "number")
	        return `${str}`;
	    return str.replace(/~/g, "~0").replace(/\//g, "~1");
	}
	util.escapeJsonPointer = escapeJsonPointer;
	function unescapeJsonPointer(str) {
	    return str.replace(/~1/g, "/").replace(/~0/g, "~");
	}
	util.unescapeJsonPointer = unescapeJsonPointer;
	function eachItem(xs, f) {
	    if (Array.isArray(xs)) {
	        for (const x of xs)
	            f(x);
	    }
	    else {
	        f(xs);
	    }
	}
	util.eachItem = eachItem;
	function makeMergeEvaluated({ mergeNames, mergeToName, mergeValues, resultToName, }) {
	    return (gen, from, to, toName) => {
	        const res = to === undefined
	            ? from
	            : to instanceof codegen_1.Name
	                ? (from instanceof codegen_1.Name ? mergeNames(gen, from, to) : mergeToName(gen, from, to), to)
	                : from instanceof codegen_1.Name
	                    ? (mergeToName(gen, to, from), from)
	                    : mergeValues(from, to);
	        return toName === codegen_1.Name && !(res instanceof codegen_1.Name) ? resultToName(gen, res) : res;
	    };
	}
	util.mergeEvaluated = {
	    props: makeMergeEvaluated({
	        mergeNames: (gen, from, to) => gen.if((0, codegen_1._) `${to} !== true && ${from} !== undefined`, () => {
	            gen.if((0, codegen_1._) `${from} === true`, () => gen.assign(to, true), () => gen.assign(to, (0, codegen_1._) `${to} || {}`).code((0, codegen_1._) `Object.assign(${to}, ${from})`));
	        }),
	        mergeToName: (gen, from, to) => gen.if((0, codegen_1._) `${to} !== true`, () => {
	            if (from === true) {
	                gen.assign(to, true);
	            }
	            else {
	                gen.assign(to, (0, codegen_1._) `${to} || {}`);
	                setEvaluated(gen, to, from);
	            }
	        }),
	        mergeValues: (from, to) => (from === true ? true : { ...from, ...to }),
	        resultToName: evaluatedPropsToName,
	    }),
	    items: makeMergeEvaluated({
	        mergeNames: (gen, from, to) => gen.if((0, codegen_1._) `${to} !== true && ${from} !== undefined`, () => gen.assign(to, (0, codegen_1._) `${from} === true ? true : ${to} > ${from} ? ${to} : ${from}`)),
	        mergeToName: (gen, from, to) => gen.if((0, codegen_1._) `${to} !== true`, () => gen.assign(to, from === true ? true : (0, codegen_1._) `${to} > ${from} ? ${to} : ${from}`)),
	        mergeValues: (from, to) => (from === true ? true : Math.max(from, to)),
	        resultToName: (gen, items) => gen.var("items", items),
	    }),
	};
	function evaluatedPropsToName(gen, ps) {
	    if (ps === true)
	        return gen.var("props", true);
	    const props = gen.var("props", (0, codegen_1._) `{}`);
	    if (ps !== undefined)
	        setEvaluated(gen, props, ps);
	    return props;
	}
	util.evaluatedPropsToName = evaluatedPropsToName;
	function setEvaluated(gen, props, ps) {
	    Object.keys(ps).forEach((p) => gen.assign((0, codegen_1._) `${props}${(0, codegen_1.getProperty)(p)}`, true));
	}
	util.setEvaluated = setEvaluated;
	const snippets = {};
	function useFunc(gen, f) {
	    return gen.scopeValue("func", {
	        ref: f,
	        code: snippets[f.code] || (snippets[f.code] = new code_1._Code(f.code)),
	    });
	}
	util.useFunc = useFunc;
	var Type;
	(function (Type) {
	    Type[Type["Num"] = 0] = "Num";
	    Type[Type["Str"] = 1] = "Str";
	})(Type || (util.Type = Type = {}));
	function getErrorPath(dataProp, dataPropType, jsPropertySyntax) {
	    // let path
	    if (dataProp instanceof codegen_1.Name) {
	        const isNumber = dataPropType === Type.Num;
	        return jsPropertySyntax
	            ? isNumber
	                ? (0, codegen_1._) `"[" + ${dataProp} + "]"`
	                : (0, codegen_1._) `"['" + ${dataProp} + "']"`
	            : isNumber
	                ? (0, codegen_1._) `"/" + ${dataProp}`
	                : (0, codegen_1._) `"/" + ${dataProp}.replace(/~/g, "~0").replace(/\\//g, "~1")`; // TODO maybe use global escapePointer
	    }
	    return jsPropertySyntax ? (0, codegen_1.getProperty)(dataProp).toString() : "/" + escapeJsonPointer(dataProp);
	}
	util.getErrorPath = getErrorPath;
	function checkStrictMode(it, msg, mode = it.opts.strictSchema) {
	    if (!mode)
	        return;
	    msg = `strict mode: ${msg}`;
	    if (mode === true)
	        throw new Error(msg);
	    it.self.logger.warn(msg);
	}
	util.checkStrictMode = checkStrictMode;
	
	return util;
}

var names = {};

var hasRequiredNames;

function requireNames () {
	if (hasRequiredNames) return names;
	hasRequiredNames = 1;
	Object.defineProperty(names, "__esModule", { value: true });
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const names$1 = {
	    // validation function arguments
	    data: new codegen_1.Name("data"), // data passed to validation function
	    // args passed from referencing schema
	    valCxt: new codegen_1.Name("valCxt"), // validation/data context - should not be used directly, it is destructured to the names below
	    instancePath: new codegen_1.Name("instancePath"),
	    parentData: new codegen_1.Name("parentData"),
	    parentDataProperty: new codegen_1.Name("parentDataProperty"),
	    rootData: new codegen_1.Name("rootData"), // root data - same as the data passed to the first/top validation function
	    dynamicAnchors: new codegen_1.Name("dynamicAnchors"), // used to support recursiveRef and dynamicRef
	    // function scoped variables
	    vErrors: new codegen_1.Name("vErrors"), // null or array of validation errors
	    errors: new codegen_1.Name("errors"), // counter of validation errors
	    this: new codegen_1.Name("this"),
	    // "globals"
	    self: new codegen_1.Name("self"),
	    scope: new codegen_1.Name("scope"),
	    // JTD serialize/parse name for JSON string and position
	    json: new codegen_1.Name("json"),
	    jsonPos: new codegen_1.Name("jsonPos"),
	    jsonLen: new codegen_1.Name("jsonLen"),
	    jsonPart: new codegen_1.Name("jsonPart"),
	};
	names.default = names$1;
	
	return names;
}

var hasRequiredErrors$1;

function requireErrors$1 () {
	if (hasRequiredErrors$1) return errors$1;
	hasRequiredErrors$1 = 1;
	(function (exports) {
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.extendErrors = exports.resetErrorsCount = exports.reportExtraError = exports.reportError = exports.keyword$DataError = exports.keywordError = void 0;
		const codegen_1 = /*@__PURE__*/ requireCodegen();
		const util_1 = /*@__PURE__*/ requireUtil();
		const names_1 = /*@__PURE__*/ requireNames();
		exports.keywordError = {
		    message: ({ keyword }) => (0, codegen_1.str) `must pass "${keyword}" keyword validation`,
		};
		exports.keyword$DataError = {
		    message: ({ keyword, schemaType }) => schemaType
		        ? (0, codegen_1.str) `"${keyword}" keyword must be ${schemaType} ($data)`
		        : (0, codegen_1.str) `"${keyword}" keyword is invalid ($data)`,
		};
		function reportError(cxt, error = exports.keywordError, errorPaths, overrideAllErrors) {
		    const { it } = cxt;
		    const { gen, compositeRule, allErrors } = it;
		    const errObj = errorObjectCode(cxt, error, errorPaths);
		    if (overrideAllErrors !== null && overrideAllErrors !== void 0 ? overrideAllErrors : (compositeRule || allErrors)) {
		        addError(gen, errObj);
		    }
		    else {
		        returnErrors(it, (0, codegen_1._) `[${errObj}]`);
		    }
		}
		exports.reportError = reportError;
		function reportExtraError(cxt, error = exports.keywordError, errorPaths) {
		    const { it } = cxt;
		    const { gen, compositeRule, allErrors } = it;
		    const errObj = errorObjectCode(cxt, error, errorPaths);
		    addError(gen, errObj);
		    if (!(compositeRule || allErrors)) {
		        returnErrors(it, names_1.default.vErrors);
		    }
		}
		exports.reportExtraError = reportExtraError;
		function resetErrorsCount(gen, errsCount) {
		    gen.assign(names_1.default.errors, errsCount);
		    gen.if((0, codegen_1._) `${names_1.default.vErrors} !== null`, () => gen.if(errsCount, () => gen.assign((0, codegen_1._) `${names_1.default.vErrors}.length`, errsCount), () => gen.assign(names_1.default.vErrors, null)));
		}
		exports.resetErrorsCount = resetErrorsCount;
		function extendErrors({ gen, keyword, schemaValue, data, errsCount, it, }) {
		    /* istanbul ignore if */
		    if (errsCount === undefined)
		        throw new Error("ajv implementation error");
		    const err = gen.name("err");
		    gen.forRange("i", errsCount, names_1.default.errors, (i) => {
		        gen.const(err, (0, codegen_1._) `${names_1.default.vErrors}[${i}]`);
		        gen.if((0, codegen_1._) `${err}.instancePath === undefined`, () => gen.assign((0, codegen_1._) `${err}.instancePath`, (0, codegen_1.strConcat)(names_1.default.instancePath, it.errorPath)));
		        gen.assign((0, codegen_1._) `${err}.schemaPath`, (0, codegen_1.str) `${it.errSchemaPath}/${keyword}`);
		        if (it.opts.verbose) {
		            gen.assign((0, codegen_1._) `${err}.schema`, schemaValue);
		            gen.assign((0, codegen_1._) `${err}.data`, data);
		        }
		    });
		}
		exports.extendErrors = extendErrors;
		function addError(gen, errObj) {
		    const err = gen.const("err", errObj);
		    gen.if((0, codegen_1._) `${names_1.default.vErrors} === null`, () => gen.assign(names_1.default.vErrors, (0, codegen_1._) `[${err}]`), (0, codegen_1._) `${names_1.default.vErrors}.push(${err})`);
		    gen.code((0, codegen_1._) `${names_1.default.errors}++`);
		}
		function returnErrors(it, errs) {
		    const { gen, validateName, schemaEnv } = it;
		    if (schemaEnv.$async) {
		        gen.throw((0, codegen_1._) `new ${it.ValidationError}(${errs})`);
		    }
		    else {
		        gen.assign((0, codegen_1._) `${validateName}.errors`, errs);
		        gen.return(false);
		    }
		}
		const E = {
		    keyword: new codegen_1.Name("keyword"),
		    schemaPath: new codegen_1.Name("schemaPath"), // also used in JTD errors
		    params: new codegen_1.Name("params"),
		    propertyName: new codegen_1.Name("propertyName"),
		    message: new codegen_1.Name("message"),
		    schema: new codegen_1.Name("schema"),
		    parentSchema: new codegen_1.Name("parentSchema"),
		};
		function errorObjectCode(cxt, error, errorPaths) {
		    const { createErrors } = cxt.it;
		    if (createErrors === false)
		        return (0, codegen_1._) `{}`;
		    return errorObject(cxt, error, errorPaths);
		}
		function errorObject(cxt, error, errorPaths = {}) {
		    const { gen, it } = cxt;
		    const keyValues = [
		        errorInstancePath(it, errorPaths),
		        errorSchemaPath(cxt, errorPaths),
		    ];
		    extraErrorProps(cxt, error, keyValues);
		    return gen.object(...keyValues);
		}
		function errorInstancePath({ errorPath }, { instancePath }) {
		    const instPath = instancePath
		        ? (0, codegen_1.str) `${errorPath}${(0, util_1.getErrorPath)(instancePath, util_1.Type.Str)}`
		        : errorPath;
		    return [names_1.default.instancePath, (0, codegen_1.strConcat)(names_1.default.instancePath, instPath)];
		}
		function errorSchemaPath({ keyword, it: { errSchemaPath } }, { schemaPath, parentSchema }) {
		    let schPath = parentSchema ? errSchemaPath : (0, codegen_1.str) `${errSchemaPath}/${keyword}`;
		    if (schemaPath) {
		        schPath = (0, codegen_1.str) `${schPath}${(0, util_1.getErrorPath)(schemaPath, util_1.Type.Str)}`;
		    }
		    return [E.schemaPath, schPath];
		}
		function extraErrorProps(cxt, { params, message }, keyValues) {
		    const { keyword, data, schemaValue, it } = cxt;
		    const { opts, propertyName, topSchemaRef, schemaPath } = it;
		    keyValues.push([E.keyword, keyword], [E.params, typeof params == "function" ? params(cxt) : params || (0, codegen_1._) `{}`]);
		    if (opts.messages) {
		        keyValues.push([E.message, typeof message == "function" ? message(cxt) : message]);
		    }
		    if (opts.verbose) {
		        keyValues.push([E.schema, schemaValue], [E.parentSchema, (0, codegen_1._) `${topSchemaRef}${schemaPath}`], [names_1.default.data, data]);
		    }
		    if (propertyName)
		        keyValues.push([E.propertyName, propertyName]);
		}
		
	} (errors$1));
	return errors$1;
}

var hasRequiredBoolSchema;

function requireBoolSchema () {
	if (hasRequiredBoolSchema) return boolSchema;
	hasRequiredBoolSchema = 1;
	Object.defineProperty(boolSchema, "__esModule", { value: true });
	boolSchema.boolOrEmptySchema = boolSchema.topBoolOrEmptySchema = void 0;
	const errors_1 = /*@__PURE__*/ requireErrors$1();
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const names_1 = /*@__PURE__*/ requireNames();
	const boolError = {
	    message: "boolean schema is false",
	};
	function topBoolOrEmptySchema(it) {
	    const { gen, schema, validateName } = it;
	    if (schema === false) {
	        falseSchemaError(it, false);
	    }
	    else if (typeof schema == "object" && schema.$async === true) {
	        gen.return(names_1.default.data);
	    }
	    else {
	        gen.assign((0, codegen_1._) `${validateName}.errors`, null);
	        gen.return(true);
	    }
	}
	boolSchema.topBoolOrEmptySchema = topBoolOrEmptySchema;
	function boolOrEmptySchema(it, valid) {
	    const { gen, schema } = it;
	    if (schema === false) {
	        gen.var(valid, false); // TODO var
	        falseSchemaError(it);
	    }
	    else {
	        gen.var(valid, true); // TODO var
	    }
	}
	boolSchema.boolOrEmptySchema = boolOrEmptySchema;
	function falseSchemaError(it, overrideAllErrors) {
	    const { gen, data } = it;
	    // TODO maybe some other interface should be used for non-keyword validation errors...
	    const cxt = {
	        gen,
	        keyword: "false schema",
	        data,
	        schema: false,
	        schemaCode: false,
	        schemaValue: false,
	        params: {},
	        it,
	    };
	    (0, errors_1.reportError)(cxt, boolError, undefined, overrideAllErrors);
	}
	
	return boolSchema;
}

var dataType = {};

var rules = {};

var hasRequiredRules;

function requireRules () {
	if (hasRequiredRules) return rules;
	hasRequiredRules = 1;
	Object.defineProperty(rules, "__esModule", { value: true });
	rules.getRules = rules.isJSONType = void 0;
	const _jsonTypes = ["string", "number", "integer", "boolean", "null", "object", "array"];
	const jsonTypes = new Set(_jsonTypes);
	function isJSONType(x) {
	    return typeof x == "string" && jsonTypes.has(x);
	}
	rules.isJSONType = isJSONType;
	function getRules() {
	    const groups = {
	        number: { type: "number", rules: [] },
	        string: { type: "string", rules: [] },
	        array: { type: "array", rules: [] },
	        object: { type: "object", rules: [] },
	    };
	    return {
	        types: { ...groups, integer: true, boolean: true, null: true },
	        rules: [{ rules: [] }, groups.number, groups.string, groups.array, groups.object],
	        post: { rules: [] },
	        all: {},
	        keywords: {},
	    };
	}
	rules.getRules = getRules;
	
	return rules;
}

var applicability = {};

var hasRequiredApplicability;

function requireApplicability () {
	if (hasRequiredApplicability) return applicability;
	hasRequiredApplicability = 1;
	Object.defineProperty(applicability, "__esModule", { value: true });
	applicability.shouldUseRule = applicability.shouldUseGroup = applicability.schemaHasRulesForType = void 0;
	function schemaHasRulesForType({ schema, self }, type) {
	    const group = self.RULES.types[type];
	    return group && group !== true && shouldUseGroup(schema, group);
	}
	applicability.schemaHasRulesForType = schemaHasRulesForType;
	function shouldUseGroup(schema, group) {
	    return group.rules.some((rule) => shouldUseRule(schema, rule));
	}
	applicability.shouldUseGroup = shouldUseGroup;
	function shouldUseRule(schema, rule) {
	    var _a;
	    return (schema[rule.keyword] !== undefined ||
	        ((_a = rule.definition.implements) === null || _a === void 0 ? void 0 : _a.some((kwd) => schema[kwd] !== undefined)));
	}
	applicability.shouldUseRule = shouldUseRule;
	
	return applicability;
}

var hasRequiredDataType;

function requireDataType () {
	if (hasRequiredDataType) return dataType;
	hasRequiredDataType = 1;
	Object.defineProperty(dataType, "__esModule", { value: true });
	dataType.reportTypeError = dataType.checkDataTypes = dataType.checkDataType = dataType.coerceAndCheckDataType = dataType.getJSONTypes = dataType.getSchemaTypes = dataType.DataType = void 0;
	const rules_1 = /*@__PURE__*/ requireRules();
	const applicability_1 = /*@__PURE__*/ requireApplicability();
	const errors_1 = /*@__PURE__*/ requireErrors$1();
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	var DataType;
	(function (DataType) {
	    DataType[DataType["Correct"] = 0] = "Correct";
	    DataType[DataType["Wrong"] = 1] = "Wrong";
	})(DataType || (dataType.DataType = DataType = {}));
	function getSchemaTypes(schema) {
	    const types = getJSONTypes(schema.type);
	    const hasNull = types.includes("null");
	    if (hasNull) {
	        if (schema.nullable === false)
	            throw new Error("type: null contradicts nullable: false");
	    }
	    else {
	        if (!types.length && schema.nullable !== undefined) {
	            throw new Error('"nullable" cannot be used without "type"');
	        }
	        if (schema.nullable === true)
	            types.push("null");
	    }
	    return types;
	}
	dataType.getSchemaTypes = getSchemaTypes;
	// eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents
	function getJSONTypes(ts) {
	    const types = Array.isArray(ts) ? ts : ts ? [ts] : [];
	    if (types.every(rules_1.isJSONType))
	        return types;
	    throw new Error("type must be JSONType or JSONType[]: " + types.join(","));
	}
	dataType.getJSONTypes = getJSONTypes;
	function coerceAndCheckDataType(it, types) {
	    const { gen, data, opts } = it;
	    const coerceTo = coerceToTypes(types, opts.coerceTypes);
	    const checkTypes = types.length > 0 &&
	        !(coerceTo.length === 0 && types.length === 1 && (0, applicability_1.schemaHasRulesForType)(it, types[0]));
	    if (checkTypes) {
	        const wrongType = checkDataTypes(types, data, opts.strictNumbers, DataType.Wrong);
	        gen.if(wrongType, () => {
	            if (coerceTo.length)
	                coerceData(it, types, coerceTo);
	            else
	                reportTypeError(it);
	        });
	    }
	    return checkTypes;
	}
	dataType.coerceAndCheckDataType = coerceAndCheckDataType;
	const COERCIBLE = new Set(["string", "number", "integer", "boolean", "null"]);
	function coerceToTypes(types, coerceTypes) {
	    return coerceTypes
	        ? types.filter((t) => COERCIBLE.has(t) || (coerceTypes === "array" && t === "array"))
	        : [];
	}
	function coerceData(it, types, coerceTo) {
	    const { gen, data, opts } = it;
	    const dataType = gen.let("dataType", (0, codegen_1._) `typeof ${data}`);
	    const coerced = gen.let("coerced", (0, codegen_1._) `undefined`);
	    if (opts.coerceTypes === "array") {
	        gen.if((0, codegen_1._) `${dataType} == 'object' && Array.isArray(${data}) && ${data}.length == 1`, () => gen
	            .assign(data, (0, codegen_1._) `${data}[0]`)
	            .assign(dataType, (0, codegen_1._) `typeof ${data}`)
	            .if(checkDataTypes(types, data, opts.strictNumbers), () => gen.assign(coerced, data)));
	    }
	    gen.if((0, codegen_1._) `${coerced} !== undefined`);
	    for (const t of coerceTo) {
	        if (COERCIBLE.has(t) || (t === "array" && opts.coerceTypes === "array")) {
	            coerceSpecificType(t);
	        }
	    }
	    gen.else();
	    reportTypeError(it);
	    gen.endIf();
	    gen.if((0, codegen_1._) `${coerced} !== undefined`, () => {
	        gen.assign(data, coerced);
	        assignParentData(it, coerced);
	    });
	    function coerceSpecificType(t) {
	        switch (t) {
	            case "string":
	                gen
	                    .elseIf((0, codegen_1._) `${dataType} == "number" || ${dataType} == "boolean"`)
	                    .assign(coerced, (0, codegen_1._) `"" + ${data}`)
	                    .elseIf((0, codegen_1._) `${data} === null`)
	                    .assign(coerced, (0, codegen_1._) `""`);
	                return;
	            case "number":
	                gen
	                    .elseIf((0, codegen_1._) `${dataType} == "boolean" || ${data} === null
              || (${dataType} == "string" && ${data} && ${data} == +${data})`)
	                    .assign(coerced, (0, codegen_1._) `+${data}`);
	                return;
	            case "integer":
	                gen
	                    .elseIf((0, codegen_1._) `${dataType} === "boolean" || ${data} === null
              || (${dataType} === "string" && ${data} && ${data} == +${data} && !(${data} % 1))`)
	                    .assign(coerced, (0, codegen_1._) `+${data}`);
	                return;
	            case "boolean":
	                gen
	                    .elseIf((0, codegen_1._) `${data} === "false" || ${data} === 0 || ${data} === null`)
	                    .assign(coerced, false)
	                    .elseIf((0, codegen_1._) `${data} === "true" || ${data} === 1`)
	                    .assign(coerced, true);
	                return;
	            case "null":
	                gen.elseIf((0, codegen_1._) `${data} === "" || ${data} === 0 || ${data} === false`);
	                gen.assign(coerced, null);
	                return;
	            case "array":
	                gen
	                    .elseIf((0, codegen_1._) `${dataType} === "string" || ${dataType} === "number"
              || ${dataType} === "boolean" || ${data} === null`)
	                    .assign(coerced, (0, codegen_1._) `[${data}]`);
	        }
	    }
	}
	function assignParentData({ gen, parentData, parentDataProperty }, expr) {
	    // TODO use gen.property
	    gen.if((0, codegen_1._) `${parentData} !== undefined`, () => gen.assign((0, codegen_1._) `${parentData}[${parentDataProperty}]`, expr));
	}
	function checkDataType(dataType, data, strictNums, correct = DataType.Correct) {
	    const EQ = correct === DataType.Correct ? codegen_1.operators.EQ : codegen_1.operators.NEQ;
	    let cond;
	    switch (dataType) {
	        case "null":
	            return (0, codegen_1._) `${data} ${EQ} null`;
	        case "array":
	            cond = (0, codegen_1._) `Array.isArray(${data})`;
	            break;
	        case "object":
	            cond = (0, codegen_1._) `${data} && typeof ${data} == "object" && !Array.isArray(${data})`;
	            break;
	        case "integer":
	            cond = numCond((0, codegen_1._) `!(${data} % 1) && !isNaN(${data})`);
	            break;
	        case "number":
	            cond = numCond();
	            break;
	        default:
	            return (0, codegen_1._) `typeof ${data} ${EQ} ${dataType}`;
	    }
	    return correct === DataType.Correct ? cond : (0, codegen_1.not)(cond);
	    function numCond(_cond = codegen_1.nil) {
	        return (0, codegen_1.and)((0, codegen_1._) `typeof ${data} == "number"`, _cond, strictNums ? (0, codegen_1._) `isFinite(${data})` : codegen_1.nil);
	    }
	}
	dataType.checkDataType = checkDataType;
	function checkDataTypes(dataTypes, data, strictNums, correct) {
	    if (dataTypes.length === 1) {
	        return checkDataType(dataTypes[0], data, strictNums, correct);
	    }
	    let cond;
	    const types = (0, util_1.toHash)(dataTypes);
	    if (types.array && types.object) {
	        const notObj = (0, codegen_1._) `typeof ${data} != "object"`;
	        cond = types.null ? notObj : (0, codegen_1._) `!${data} || ${notObj}`;
	        delete types.null;
	        delete types.array;
	        delete types.object;
	    }
	    else {
	        cond = codegen_1.nil;
	    }
	    if (types.number)
	        delete types.integer;
	    for (const t in types)
	        cond = (0, codegen_1.and)(cond, checkDataType(t, data, strictNums, correct));
	    return cond;
	}
	dataType.checkDataTypes = checkDataTypes;
	const typeError = {
	    message: ({ schema }) => `must be ${schema}`,
	    params: ({ schema, schemaValue }) => typeof schema == "string" ? (0, codegen_1._) `{type: ${schema}}` : (0, codegen_1._) `{type: ${schemaValue}}`,
	};
	function reportTypeError(it) {
	    const cxt = getTypeErrorContext(it);
	    (0, errors_1.reportError)(cxt, typeError);
	}
	dataType.reportTypeError = reportTypeError;
	function getTypeErrorContext(it) {
	    const { gen, data, schema } = it;
	    const schemaCode = (0, util_1.schemaRefOrVal)(it, schema, "type");
	    return {
	        gen,
	        keyword: "type",
	        data,
	        schema: schema.type,
	        schemaCode,
	        schemaValue: schemaCode,
	        parentSchema: schema,
	        params: {},
	        it,
	    };
	}
	
	return dataType;
}

var defaults = {};

var hasRequiredDefaults;

function requireDefaults () {
	if (hasRequiredDefaults) return defaults;
	hasRequiredDefaults = 1;
	Object.defineProperty(defaults, "__esModule", { value: true });
	defaults.assignDefaults = void 0;
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	function assignDefaults(it, ty) {
	    const { properties, items } = it.schema;
	    if (ty === "object" && properties) {
	        for (const key in properties) {
	            assignDefault(it, key, properties[key].default);
	        }
	    }
	    else if (ty === "array" && Array.isArray(items)) {
	        items.forEach((sch, i) => assignDefault(it, i, sch.default));
	    }
	}
	defaults.assignDefaults = assignDefaults;
	function assignDefault(it, prop, defaultValue) {
	    const { gen, compositeRule, data, opts } = it;
	    if (defaultValue === undefined)
	        return;
	    const childData = (0, codegen_1._) `${data}${(0, codegen_1.getProperty)(prop)}`;
	    if (compositeRule) {
	        (0, util_1.checkStrictMode)(it, `default is ignored for: ${childData}`);
	        return;
	    }
	    let condition = (0, codegen_1._) `${childData} === undefined`;
	    if (opts.useDefaults === "empty") {
	        condition = (0, codegen_1._) `${condition} || ${childData} === null || ${childData} === ""`;
	    }
	    // `${childData} === undefined` +
	    // (opts.useDefaults === "empty" ? ` || ${childData} === null || ${childData} === ""` : "")
	    gen.if(condition, (0, codegen_1._) `${childData} = ${(0, codegen_1.stringify)(defaultValue)}`);
	}
	
	return defaults;
}

var keyword = {};

var code = {};

var hasRequiredCode;

function requireCode () {
	if (hasRequiredCode) return code;
	hasRequiredCode = 1;
	Object.defineProperty(code, "__esModule", { value: true });
	code.validateUnion = code.validateArray = code.usePattern = code.callValidateCode = code.schemaProperties = code.allSchemaProperties = code.noPropertyInData = code.propertyInData = code.isOwnProperty = code.hasPropFunc = code.reportMissingProp = code.checkMissingProp = code.checkReportMissingProp = void 0;
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	const names_1 = /*@__PURE__*/ requireNames();
	const util_2 = /*@__PURE__*/ requireUtil();
	function checkReportMissingProp(cxt, prop) {
	    const { gen, data, it } = cxt;
	    gen.if(noPropertyInData(gen, data, prop, it.opts.ownProperties), () => {
	        cxt.setParams({ missingProperty: (0, codegen_1._) `${prop}` }, true);
	        cxt.error();
	    });
	}
	code.checkReportMissingProp = checkReportMissingProp;
	function checkMissingProp({ gen, data, it: { opts } }, properties, missing) {
	    return (0, codegen_1.or)(...properties.map((prop) => (0, codegen_1.and)(noPropertyInData(gen, data, prop, opts.ownProperties), (0, codegen_1._) `${missing} = ${prop}`)));
	}
	code.checkMissingProp = checkMissingProp;
	function reportMissingProp(cxt, missing) {
	    cxt.setParams({ missingProperty: missing }, true);
	    cxt.error();
	}
	code.reportMissingProp = reportMissingProp;
	function hasPropFunc(gen) {
	    return gen.scopeValue("func", {
	        // eslint-disable-next-line @typescript-eslint/unbound-method
	        ref: Object.prototype.hasOwnProperty,
	        code: (0, codegen_1._) `Object.prototype.hasOwnProperty`,
	    });
	}
	code.hasPropFunc = hasPropFunc;
	function isOwnProperty(gen, data, property) {
	    return (0, codegen_1._) `${hasPropFunc(gen)}.call(${data}, ${property})`;
	}
	code.isOwnProperty = isOwnProperty;
	function propertyInData(gen, data, property, ownProperties) {
	    const cond = (0, codegen_1._) `${data}${(0, codegen_1.getProperty)(property)} !== undefined`;
	    return ownProperties ? (0, codegen_1._) `${cond} && ${isOwnProperty(gen, data, property)}` : cond;
	}
	code.propertyInData = propertyInData;
	function noPropertyInData(gen, data, property, ownProperties) {
	    const cond = (0, codegen_1._) `${data}${(0, codegen_1.getProperty)(property)} === undefined`;
	    return ownProperties ? (0, codegen_1.or)(cond, (0, codegen_1.not)(isOwnProperty(gen, data, property))) : cond;
	}
	code.noPropertyInData = noPropertyInData;
	function allSchemaProperties(schemaMap) {
	    return schemaMap ? Object.keys(schemaMap).filter((p) => p !== "__proto__") : [];
	}
	code.allSchemaProperties = allSchemaProperties;
	function schemaProperties(it, schemaMap) {
	    return allSchemaProperties(schemaMap).filter((p) => !(0, util_1.alwaysValidSchema)(it, schemaMap[p]));
	}
	code.schemaProperties = schemaProperties;
	function callValidateCode({ schemaCode, data, it: { gen, topSchemaRef, schemaPath, errorPath }, it }, func, context, passSchema) {
	    const dataAndSchema = passSchema ? (0, codegen_1._) `${schemaCode}, ${data}, ${topSchemaRef}${schemaPath}` : data;
	    const valCxt = [
	        [names_1.default.instancePath, (0, codegen_1.strConcat)(names_1.default.instancePath, errorPath)],
	        [names_1.default.parentData, it.parentData],
	        [names_1.default.parentDataProperty, it.parentDataProperty],
	        [names_1.default.rootData, names_1.default.rootData],
	    ];
	    if (it.opts.dynamicRef)
	        valCxt.push([names_1.default.dynamicAnchors, names_1.default.dynamicAnchors]);
	    const args = (0, codegen_1._) `${dataAndSchema}, ${gen.object(...valCxt)}`;
	    return context !== codegen_1.nil ? (0, codegen_1._) `${func}.call(${context}, ${args})` : (0, codegen_1._) `${func}(${args})`;
	}
	code.callValidateCode = callValidateCode;
	const newRegExp = (0, codegen_1._) `new RegExp`;
	function usePattern({ gen, it: { opts } }, pattern) {
	    const u = opts.unicodeRegExp ? "u" : "";
	    const { regExp } = opts.code;
	    const rx = regExp(pattern, u);
	    return gen.scopeValue("pattern", {
	        key: rx.toString(),
	        ref: rx,
	        code: (0, codegen_1._) `${regExp.code === "new RegExp" ? newRegExp : (0, util_2.useFunc)(gen, regExp)}(${pattern}, ${u})`,
	    });
	}
	code.usePattern = usePattern;
	function validateArray(cxt) {
	    const { gen, data, keyword, it } = cxt;
	    const valid = gen.name("valid");
	    if (it.allErrors) {
	        const validArr = gen.let("valid", true);
	        validateItems(() => gen.assign(validArr, false));
	        return validArr;
	    }
	    gen.var(valid, true);
	    validateItems(() => gen.break());
	    return valid;
	    function validateItems(notValid) {
	        const len = gen.const("len", (0, codegen_1._) `${data}.length`);
	        gen.forRange("i", 0, len, (i) => {
	            cxt.subschema({
	                keyword,
	                dataProp: i,
	                dataPropType: util_1.Type.Num,
	            }, valid);
	            gen.if((0, codegen_1.not)(valid), notValid);
	        });
	    }
	}
	code.validateArray = validateArray;
	function validateUnion(cxt) {
	    const { gen, schema, keyword, it } = cxt;
	    /* istanbul ignore if */
	    if (!Array.isArray(schema))
	        throw new Error("ajv implementation error");
	    const alwaysValid = schema.some((sch) => (0, util_1.alwaysValidSchema)(it, sch));
	    if (alwaysValid && !it.opts.unevaluated)
	        return;
	    const valid = gen.let("valid", false);
	    const schValid = gen.name("_valid");
	    gen.block(() => schema.forEach((_sch, i) => {
	        const schCxt = cxt.subschema({
	            keyword,
	            schemaProp: i,
	            compositeRule: true,
	        }, schValid);
	        gen.assign(valid, (0, codegen_1._) `${valid} || ${schValid}`);
	        const merged = cxt.mergeValidEvaluated(schCxt, schValid);
	        // can short-circuit if `unevaluatedProperties/Items` not supported (opts.unevaluated !== true)
	        // or if all properties and items were evaluated (it.props === true && it.items === true)
	        if (!merged)
	            gen.if((0, codegen_1.not)(valid));
	    }));
	    cxt.result(valid, () => cxt.reset(), () => cxt.error(true));
	}
	code.validateUnion = validateUnion;
	
	return code;
}

var hasRequiredKeyword;

function requireKeyword () {
	if (hasRequiredKeyword) return keyword;
	hasRequiredKeyword = 1;
	Object.defineProperty(keyword, "__esModule", { value: true });
	keyword.validateKeywordUsage = keyword.validSchemaType = keyword.funcKeywordCode = keyword.macroKeywordCode = void 0;
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const names_1 = /*@__PURE__*/ requireNames();
	const code_1 = /*@__PURE__*/ requireCode();
	const errors_1 = /*@__PURE__*/ requireErrors$1();
	function macroKeywordCode(cxt, def) {
	    const { gen, keyword, schema, parentSchema, it } = cxt;
	    const macroSchema = def.macro.call(it.self, schema, parentSchema, it);
	    const schemaRef = useKeyword(gen, keyword, macroSchema);
	    if (it.opts.validateSchema !== false)
	        it.self.validateSchema(macroSchema, true);
	    const valid = gen.name("valid");
	    cxt.subschema({
	        schema: macroSchema,
	        schemaPath: codegen_1.nil,
	        errSchemaPath: `${it.errSchemaPath}/${keyword}`,
	        topSchemaRef: schemaRef,
	        compositeRule: true,
	    }, valid);
	    cxt.pass(valid, () => cxt.error(true));
	}
	keyword.macroKeywordCode = macroKeywordCode;
	function funcKeywordCode(cxt, def) {
	    var _a;
	    const { gen, keyword, schema, parentSchema, $data, it } = cxt;
	    checkAsyncKeyword(it, def);
	    const validate = !$data && def.compile ? def.compile.call(it.self, schema, parentSchema, it) : def.validate;
	    const validateRef = useKeyword(gen, keyword, validate);
	    const valid = gen.let("valid");
	    cxt.block$data(valid, validateKeyword);
	    cxt.ok((_a = def.valid) !== null && _a !== void 0 ? _a : valid);
	    function validateKeyword() {
	        if (def.errors === false) {
	            assignValid();
	            if (def.modifying)
	                modifyData(cxt);
	            reportErrs(() => cxt.error());
	        }
	        else {
	            const ruleErrs = def.async ? validateAsync() : validateSync();
	            if (def.modifying)
	                modifyData(cxt);
	            reportErrs(() => addErrs(cxt, ruleErrs));
	        }
	    }
	    function validateAsync() {
	        const ruleErrs = gen.let("ruleErrs", null);
	        gen.try(() => assignValid((0, codegen_1._) `await `), (e) => gen.assign(valid, false).if((0, codegen_1._) `${e} instanceof ${it.ValidationError}`, () => gen.assign(ruleErrs, (0, codegen_1._) `${e}.errors`), () => gen.throw(e)));
	        return ruleErrs;
	    }
	    function validateSync() {
	        const validateErrs = (0, codegen_1._) `${validateRef}.errors`;
	        gen.assign(validateErrs, null);
	        assignValid(codegen_1.nil);
	        return validateErrs;
	    }
	    function assignValid(_await = def.async ? (0, codegen_1._) `await ` : codegen_1.nil) {
	        const passCxt = it.opts.passContext ? names_1.default.this : names_1.default.self;
	        const passSchema = !(("compile" in def && !$data) || def.schema === false);
	        gen.assign(valid, (0, codegen_1._) `${_await}${(0, code_1.callValidateCode)(cxt, validateRef, passCxt, passSchema)}`, def.modifying);
	    }
	    function reportErrs(errors) {
	        var _a;
	        gen.if((0, codegen_1.not)((_a = def.valid) !== null && _a !== void 0 ? _a : valid), errors);
	    }
	}
	keyword.funcKeywordCode = funcKeywordCode;
	function modifyData(cxt) {
	    const { gen, data, it } = cxt;
	    gen.if(it.parentData, () => gen.assign(data, (0, codegen_1._) `${it.parentData}[${it.parentDataProperty}]`));
	}
	function addErrs(cxt, errs) {
	    const { gen } = cxt;
	    gen.if((0, codegen_1._) `Array.isArray(${errs})`, () => {
	        gen
	            .assign(names_1.default.vErrors, (0, codegen_1._) `${names_1.default.vErrors} === null ? ${errs} : ${names_1.default.vErrors}.concat(${errs})`)
	            .assign(names_1.default.errors, (0, codegen_1._) `${names_1.default.vErrors}.length`);
	        (0, errors_1.extendErrors)(cxt);
	    }, () => cxt.error());
	}
	function checkAsyncKeyword({ schemaEnv }, def) {
	    if (def.async && !schemaEnv.$async)
	        throw new Error("async keyword in sync schema");
	}
	function useKeyword(gen, keyword, result) {
	    if (result === undefined)
	        throw new Error(`keyword "${keyword}" failed to compile`);
	    return gen.scopeValue("keyword", typeof result == "function" ? { ref: result } : { ref: result, code: (0, codegen_1.stringify)(result) });
	}
	function validSchemaType(schema, schemaType, allowUndefined = false) {
	    // TODO add tests
	    return (!schemaType.length ||
	        schemaType.some((st) => st === "array"
	            ? Array.isArray(schema)
	            : st === "object"
	                ? schema && typeof schema == "object" && !Array.isArray(schema)
	                : typeof schema == st || (allowUndefined && typeof schema == "undefined")));
	}
	keyword.validSchemaType = validSchemaType;
	function validateKeywordUsage({ schema, opts, self, errSchemaPath }, def, keyword) {
	    /* istanbul ignore if */
	    if (Array.isArray(def.keyword) ? !def.keyword.includes(keyword) : def.keyword !== keyword) {
	        throw new Error("ajv implementation error");
	    }
	    const deps = def.dependencies;
	    if (deps === null || deps === void 0 ? void 0 : deps.some((kwd) => !Object.prototype.hasOwnProperty.call(schema, kwd))) {
	        throw new Error(`parent schema must have dependencies of ${keyword}: ${deps.join(",")}`);
	    }
	    if (def.validateSchema) {
	        const valid = def.validateSchema(schema[keyword]);
	        if (!valid) {
	            const msg = `keyword "${keyword}" value is invalid at path "${errSchemaPath}": ` +
	                self.errorsText(def.validateSchema.errors);
	            if (opts.validateSchema === "log")
	                self.logger.error(msg);
	            else
	                throw new Error(msg);
	        }
	    }
	}
	keyword.validateKeywordUsage = validateKeywordUsage;
	
	return keyword;
}

var subschema = {};

var hasRequiredSubschema;

function requireSubschema () {
	if (hasRequiredSubschema) return subschema;
	hasRequiredSubschema = 1;
	Object.defineProperty(subschema, "__esModule", { value: true });
	subschema.extendSubschemaMode = subschema.extendSubschemaData = subschema.getSubschema = void 0;
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	function getSubschema(it, { keyword, schemaProp, schema, schemaPath, errSchemaPath, topSchemaRef }) {
	    if (keyword !== undefined && schema !== undefined) {
	        throw new Error('both "keyword" and "schema" passed, only one allowed');
	    }
	    if (keyword !== undefined) {
	        const sch = it.schema[keyword];
	        return schemaProp === undefined
	            ? {
	                schema: sch,
	                schemaPath: (0, codegen_1._) `${it.schemaPath}${(0, codegen_1.getProperty)(keyword)}`,
	                errSchemaPath: `${it.errSchemaPath}/${keyword}`,
	            }
	            : {
	                schema: sch[schemaProp],
	                schemaPath: (0, codegen_1._) `${it.schemaPath}${(0, codegen_1.getProperty)(keyword)}${(0, codegen_1.getProperty)(schemaProp)}`,
	                errSchemaPath: `${it.errSchemaPath}/${keyword}/${(0, util_1.escapeFragment)(schemaProp)}`,
	            };
	    }
	    if (schema !== undefined) {
	        if (schemaPath === undefined || errSchemaPath === undefined || topSchemaRef === undefined) {
	            throw new Error('"schemaPath", "errSchemaPath" and "topSchemaRef" are required with "schema"');
	        }
	        return {
	            schema,
	            schemaPath,
	            topSchemaRef,
	            errSchemaPath,
	        };
	    }
	    throw new Error('either "keyword" or "schema" must be passed');
	}
	subschema.getSubschema = getSubschema;
	function extendSubschemaData(subschema, it, { dataProp, dataPropType: dpType, data, dataTypes, propertyName }) {
	    if (data !== undefined && dataProp !== undefined) {
	        throw new Error('both "data" and "dataProp" passed, only one allowed');
	    }
	    const { gen } = it;
	    if (dataProp !== undefined) {
	        const { errorPath, dataPathArr, opts } = it;
	        const nextData = gen.let("data", (0, codegen_1._) `${it.data}${(0, codegen_1.getProperty)(dataProp)}`, true);
	        dataContextProps(nextData);
	        subschema.errorPath = (0, codegen_1.str) `${errorPath}${(0, util_1.getErrorPath)(dataProp, dpType, opts.jsPropertySyntax)}`;
	        subschema.parentDataProperty = (0, codegen_1._) `${dataProp}`;
	        subschema.dataPathArr = [...dataPathArr, subschema.parentDataProperty];
	    }
	    if (data !== undefined) {
	        const nextData = data instanceof codegen_1.Name ? data : gen.let("data", data, true); // replaceable if used once?
	        dataContextProps(nextData);
	        if (propertyName !== undefined)
	            subschema.propertyName = propertyName;
	        // TODO something is possibly wrong here with not changing parentDataProperty and not appending dataPathArr
	    }
	    if (dataTypes)
	        subschema.dataTypes = dataTypes;
	    function dataContextProps(_nextData) {
	        subschema.data = _nextData;
	        subschema.dataLevel = it.dataLevel + 1;
	        subschema.dataTypes = [];
	        it.definedProperties = new Set();
	        subschema.parentData = it.data;
	        subschema.dataNames = [...it.dataNames, _nextData];
	    }
	}
	subschema.extendSubschemaData = extendSubschemaData;
	function extendSubschemaMode(subschema, { jtdDiscriminator, jtdMetadata, compositeRule, createErrors, allErrors }) {
	    if (compositeRule !== undefined)
	        subschema.compositeRule = compositeRule;
	    if (createErrors !== undefined)
	        subschema.createErrors = createErrors;
	    if (allErrors !== undefined)
	        subschema.allErrors = allErrors;
	    subschema.jtdDiscriminator = jtdDiscriminator; // not inherited
	    subschema.jtdMetadata = jtdMetadata; // not inherited
	}
	subschema.extendSubschemaMode = extendSubschemaMode;
	
	return subschema;
}

var resolve = {};

var fastDeepEqual;
var hasRequiredFastDeepEqual;

function requireFastDeepEqual () {
	if (hasRequiredFastDeepEqual) return fastDeepEqual;
	hasRequiredFastDeepEqual = 1;

	// do not edit .js files directly - edit src/index.jst



	fastDeepEqual = function equal(a, b) {
	  if (a === b) return true;

	  if (a && b && typeof a == 'object' && typeof b == 'object') {
	    if (a.constructor !== b.constructor) return false;

	    var length, i, keys;
	    if (Array.isArray(a)) {
	      length = a.length;
	      if (length != b.length) return false;
	      for (i = length; i-- !== 0;)
	        if (!equal(a[i], b[i])) return false;
	      return true;
	    }



	    if (a.constructor === RegExp) return a.source === b.source && a.flags === b.flags;
	    if (a.valueOf !== Object.prototype.valueOf) return a.valueOf() === b.valueOf();
	    if (a.toString !== Object.prototype.toString) return a.toString() === b.toString();

	    keys = Object.keys(a);
	    length = keys.length;
	    if (length !== Object.keys(b).length) return false;

	    for (i = length; i-- !== 0;)
	      if (!Object.prototype.hasOwnProperty.call(b, keys[i])) return false;

	    for (i = length; i-- !== 0;) {
	      var key = keys[i];

	      if (!equal(a[key], b[key])) return false;
	    }

	    return true;
	  }

	  // true if both NaN, false otherwise
	  return a!==a && b!==b;
	};
	return fastDeepEqual;
}

var jsonSchemaTraverse = {exports: {}};

var hasRequiredJsonSchemaTraverse;

function requireJsonSchemaTraverse () {
	if (hasRequiredJsonSchemaTraverse) return jsonSchemaTraverse.exports;
	hasRequiredJsonSchemaTraverse = 1;

	var traverse = jsonSchemaTraverse.exports = function (schema, opts, cb) {
	  // Legacy support for v0.3.1 and earlier.
	  if (typeof opts == 'function') {
	    cb = opts;
	    opts = {};
	  }

	  cb = opts.cb || cb;
	  var pre = (typeof cb == 'function') ? cb : cb.pre || function() {};
	  var post = cb.post || function() {};

	  _traverse(opts, pre, post, schema, '', schema);
	};


	traverse.keywords = {
	  additionalItems: true,
	  items: true,
	  contains: true,
	  additionalProperties: true,
	  propertyNames: true,
	  not: true,
	  if: true,
	  then: true,
	  else: true
	};

	traverse.arrayKeywords = {
	  items: true,
	  allOf: true,
	  anyOf: true,
	  oneOf: true
	};

	traverse.propsKeywords = {
	  $defs: true,
	  definitions: true,
	  properties: true,
	  patternProperties: true,
	  dependencies: true
	};

	traverse.skipKeywords = {
	  default: true,
	  enum: true,
	  const: true,
	  required: true,
	  maximum: true,
	  minimum: true,
	  exclusiveMaximum: true,
	  exclusiveMinimum: true,
	  multipleOf: true,
	  maxLength: true,
	  minLength: true,
	  pattern: true,
	  format: true,
	  maxItems: true,
	  minItems: true,
	  uniqueItems: true,
	  maxProperties: true,
	  minProperties: true
	};


	function _traverse(opts, pre, post, schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex) {
	  if (schema && typeof schema == 'object' && !Array.isArray(schema)) {
	    pre(schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex);
	    for (var key in schema) {
	      var sch = schema[key];
	      if (Array.isArray(sch)) {
	        if (key in traverse.arrayKeywords) {
	          for (var i=0; i<sch.length; i++)
	            _traverse(opts, pre, post, sch[i], jsonPtr + '/' + key + '/' + i, rootSchema, jsonPtr, key, schema, i);
	        }
	      } else if (key in traverse.propsKeywords) {
	        if (sch && typeof sch == 'object') {
	          for (var prop in sch)
	            _traverse(opts, pre, post, sch[prop], jsonPtr + '/' + key + '/' + escapeJsonPtr(prop), rootSchema, jsonPtr, key, schema, prop);
	        }
	      } else if (key in traverse.keywords || (opts.allKeys && !(key in traverse.skipKeywords))) {
	        _traverse(opts, pre, post, sch, jsonPtr + '/' + key, rootSchema, jsonPtr, key, schema);
	      }
	    }
	    post(schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex);
	  }
	}


	function escapeJsonPtr(str) {
	  return str.replace(/~/g, '~0').replace(/\//g, '~1');
	}
	return jsonSchemaTraverse.exports;
}

var hasRequiredResolve;

function requireResolve () {
	if (hasRequiredResolve) return resolve;
	hasRequiredResolve = 1;
	Object.defineProperty(resolve, "__esModule", { value: true });
	resolve.getSchemaRefs = resolve.resolveUrl = resolve.normalizeId = resolve._getFullPath = resolve.getFullPath = resolve.inlineRef = void 0;
	const util_1 = /*@__PURE__*/ requireUtil();
	const equal = requireFastDeepEqual();
	const traverse = requireJsonSchemaTraverse();
	// TODO refactor to use keyword definitions
	const SIMPLE_INLINED = new Set([
	    "type",
	    "format",
	    "pattern",
	    "maxLength",
	    "minLength",
	    "maxProperties",
	    "minProperties",
	    "maxItems",
	    "minItems",
	    "maximum",
	    "minimum",
	    "uniqueItems",
	    "multipleOf",
	    "required",
	    "enum",
	    "const",
	]);
	function inlineRef(schema, limit = true) {
	    if (typeof schema == "boolean")
	        return true;
	    if (limit === true)
	        return !hasRef(schema);
	    if (!limit)
	        return false;
	    return countKeys(schema) <= limit;
	}
	resolve.inlineRef = inlineRef;
	const REF_KEYWORDS = new Set([
	    "$ref",
	    "$recursiveRef",
	    "$recursiveAnchor",
	    "$dynamicRef",
	    "$dynamicAnchor",
	]);
	function hasRef(schema) {
	    for (const key in schema) {
	        if (REF_KEYWORDS.has(key))
	            return true;
	        const sch = schema[key];
	        if (Array.isArray(sch) && sch.some(hasRef))
	            return true;
	        if (typeof sch == "object" && hasRef(sch))
	            return true;
	    }
	    return false;
	}
	function countKeys(schema) {
	    let count = 0;
	    for (const key in schema) {
	        if (key === "$ref")
	            return Infinity;
	        count++;
	        if (SIMPLE_INLINED.has(key))
	            continue;
	        if (typeof schema[key] == "object") {
	            (0, util_1.eachItem)(schema[key], (sch) => (count += countKeys(sch)));
	        }
	        if (count === Infinity)
	            return Infinity;
	    }
	    return count;
	}
	function getFullPath(resolver, id = "", normalize) {
	    if (normalize !== false)
	        id = normalizeId(id);
	    const p = resolver.parse(id);
	    return _getFullPath(resolver, p);
	}
	resolve.getFullPath = getFullPath;
	function _getFullPath(resolver, p) {
	    const serialized = resolver.serialize(p);
	    return serialized.split("#")[0] + "#";
	}
	resolve._getFullPath = _getFullPath;
	const TRAILING_SLASH_HASH = /#\/?$/;
	function normalizeId(id) {
	    return id ? id.replace(TRAILING_SLASH_HASH, "") : "";
	}
	resolve.normalizeId = normalizeId;
	function resolveUrl(resolver, baseId, id) {
	    id = normalizeId(id);
	    return resolver.resolve(baseId, id);
	}
	resolve.resolveUrl = resolveUrl;
	const ANCHOR = /^[a-z_][-a-z0-9._]*$/i;
	function getSchemaRefs(schema, baseId) {
	    if (typeof schema == "boolean")
	        return {};
	    const { schemaId, uriResolver } = this.opts;
	    const schId = normalizeId(schema[schemaId] || baseId);
	    const baseIds = { "": schId };
	    const pathPrefix = getFullPath(uriResolver, schId, false);
	    const localRefs = {};
	    const schemaRefs = new Set();
	    traverse(schema, { allKeys: true }, (sch, jsonPtr, _, parentJsonPtr) => {
	        if (parentJsonPtr === undefined)
	            return;
	        const fullPath = pathPrefix + jsonPtr;
	        let innerBaseId = baseIds[parentJsonPtr];
	        if (typeof sch[schemaId] == "string")
	            innerBaseId = addRef.call(this, sch[schemaId]);
	        addAnchor.call(this, sch.$anchor);
	        addAnchor.call(this, sch.$dynamicAnchor);
	        baseIds[jsonPtr] = innerBaseId;
	        function addRef(ref) {
	            // eslint-disable-next-line @typescript-eslint/unbound-method
	            const _resolve = this.opts.uriResolver.resolve;
	            ref = normalizeId(innerBaseId ? _resolve(innerBaseId, ref) : ref);
	            if (schemaRefs.has(ref))
	                throw ambiguos(ref);
	            schemaRefs.add(ref);
	            let schOrRef = this.refs[ref];
	            if (typeof schOrRef == "string")
	                schOrRef = this.refs[schOrRef];
	            if (typeof schOrRef == "object") {
	                checkAmbiguosRef(sch, schOrRef.schema, ref);
	            }
	            else if (ref !== normalizeId(fullPath)) {
	                if (ref[0] === "#") {
	                    checkAmbiguosRef(sch, localRefs[ref], ref);
	                    localRefs[ref] = sch;
	                }
	                else {
	                    this.refs[ref] = fullPath;
	                }
	            }
	            return ref;
	        }
	        function addAnchor(anchor) {
	            if (typeof anchor == "string") {
	                if (!ANCHOR.test(anchor))
	                    throw new Error(`invalid anchor "${anchor}"`);
	                addRef.call(this, `#${anchor}`);
	            }
	        }
	    });
	    return localRefs;
	    function checkAmbiguosRef(sch1, sch2, ref) {
	        if (sch2 !== undefined && !equal(sch1, sch2))
	            throw ambiguos(ref);
	    }
	    function ambiguos(ref) {
	        return new Error(`reference "${ref}" resolves to more than one schema`);
	    }
	}
	resolve.getSchemaRefs = getSchemaRefs;
	
	return resolve;
}

var hasRequiredValidate;

function requireValidate () {
	if (hasRequiredValidate) return validate$1;
	hasRequiredValidate = 1;
	Object.defineProperty(validate$1, "__esModule", { value: true });
	validate$1.getData = validate$1.KeywordCxt = validate$1.validateFunctionCode = void 0;
	const boolSchema_1 = /*@__PURE__*/ requireBoolSchema();
	const dataType_1 = /*@__PURE__*/ requireDataType();
	const applicability_1 = /*@__PURE__*/ requireApplicability();
	const dataType_2 = /*@__PURE__*/ requireDataType();
	const defaults_1 = /*@__PURE__*/ requireDefaults();
	const keyword_1 = /*@__PURE__*/ requireKeyword();
	const subschema_1 = /*@__PURE__*/ requireSubschema();
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const names_1 = /*@__PURE__*/ requireNames();
	const resolve_1 = /*@__PURE__*/ requireResolve();
	const util_1 = /*@__PURE__*/ requireUtil();
	const errors_1 = /*@__PURE__*/ requireErrors$1();
	// schema compilation - generates validation function, subschemaCode (below) is used for subschemas
	function validateFunctionCode(it) {
	    if (isSchemaObj(it)) {
	        checkKeywords(it);
	        if (schemaCxtHasRules(it)) {
	            topSchemaObjCode(it);
	            return;
	        }
	    }
	    validateFunction(it, () => (0, boolSchema_1.topBoolOrEmptySchema)(it));
	}
	validate$1.validateFunctionCode = validateFunctionCode;
	function validateFunction({ gen, validateName, schema, schemaEnv, opts }, body) {
	    if (opts.code.es5) {
	        gen.func(validateName, (0, codegen_1._) `${names_1.default.data}, ${names_1.default.valCxt}`, schemaEnv.$async, () => {
	            gen.code((0, codegen_1._) `"use strict"; ${funcSourceUrl(schema, opts)}`);
	            destructureValCxtES5(gen, opts);
	            gen.code(body);
	        });
	    }
	    else {
	        gen.func(validateName, (0, codegen_1._) `${names_1.default.data}, ${destructureValCxt(opts)}`, schemaEnv.$async, () => gen.code(funcSourceUrl(schema, opts)).code(body));
	    }
	}
	function destructureValCxt(opts) {
	    return (0, codegen_1._) `{${names_1.default.instancePath}="", ${names_1.default.parentData}, ${names_1.default.parentDataProperty}, ${names_1.default.rootData}=${names_1.default.data}${opts.dynamicRef ? (0, codegen_1._) `, ${names_1.default.dynamicAnchors}={}` : codegen_1.nil}}={}`;
	}
	function destructureValCxtES5(gen, opts) {
	    gen.if(names_1.default.valCxt, () => {
	        gen.var(names_1.default.instancePath, (0, codegen_1._) `${names_1.default.valCxt}.${names_1.default.instancePath}`);
	        gen.var(names_1.default.parentData, (0, codegen_1._) `${names_1.default.valCxt}.${names_1.default.parentData}`);
	        gen.var(names_1.default.parentDataProperty, (0, codegen_1._) `${names_1.default.valCxt}.${names_1.default.parentDataProperty}`);
	        gen.var(names_1.default.rootData, (0, codegen_1._) `${names_1.default.valCxt}.${names_1.default.rootData}`);
	        if (opts.dynamicRef)
	            gen.var(names_1.default.dynamicAnchors, (0, codegen_1._) `${names_1.default.valCxt}.${names_1.default.dynamicAnchors}`);
	    }, () => {
	        gen.var(names_1.default.instancePath, (0, codegen_1._) `""`);
	        gen.var(names_1.default.parentData, (0, codegen_1._) `undefined`);
	        gen.var(names_1.default.parentDataProperty, (0, codegen_1._) `undefined`);
	        gen.var(names_1.default.rootData, names_1.default.data);
	        if (opts.dynamicRef)
	            gen.var(names_1.default.dynamicAnchors, (0, codegen_1._) `{}`);
	    });
	}
	function topSchemaObjCode(it) {
	    const { schema, opts, gen } = it;
	    validateFunction(it, () => {
	        if (opts.$comment && schema.$comment)
	            commentKeyword(it);
	        checkNoDefault(it);
	        gen.let(names_1.default.vErrors, null);
	        gen.let(names_1.default.errors, 0);
	        if (opts.unevaluated)
	            resetEvaluated(it);
	        typeAndKeywords(it);
	        returnResults(it);
	    });
	    return;
	}
	function resetEvaluated(it) {
	    // TODO maybe some hook to execute it in the end to check whether props/items are Name, as in assignEvaluated
	    const { gen, validateName } = it;
	    it.evaluated = gen.const("evaluated", (0, codegen_1._) `${validateName}.evaluated`);
	    gen.if((0, codegen_1._) `${it.evaluated}.dynamicProps`, () => gen.assign((0, codegen_1._) `${it.evaluated}.props`, (0, codegen_1._) `undefined`));
	    gen.if((0, codegen_1._) `${it.evaluated}.dynamicItems`, () => gen.assign((0, codegen_1._) `${it.evaluated}.items`, (0, codegen_1._) `undefined`));
	}
	function funcSourceUrl(schema, opts) {
	    const schId = typeof schema == "object" && schema[opts.schemaId];
	    return schId && (opts.code.source || opts.code.process) ? (0, codegen_1._) `/*# sourceURL=${schId} */` : codegen_1.nil;
	}
	// schema compilation - this function is used recursively to generate code for sub-schemas
	function subschemaCode(it, valid) {
	    if (isSchemaObj(it)) {
	        checkKeywords(it);
	        if (schemaCxtHasRules(it)) {
	            subSchemaObjCode(it, valid);
	            return;
	        }
	    }
	    (0, boolSchema_1.boolOrEmptySchema)(it, valid);
	}
	function schemaCxtHasRules({ schema, self }) {
	    if (typeof schema == "boolean")
	        return !schema;
	    for (const key in schema)
	        if (self.RULES.all[key])
	            return true;
	    return false;
	}
	function isSchemaObj(it) {
	    return typeof it.schema != "boolean";
	}
	function subSchemaObjCode(it, valid) {
	    const { schema, gen, opts } = it;
	    if (opts.$comment && schema.$comment)
	        commentKeyword(it);
	    updateContext(it);
	    checkAsyncSchema(it);
	    const errsCount = gen.const("_errs", names_1.default.errors);
	    typeAndKeywords(it, errsCount);
	    // TODO var
	    gen.var(valid, (0, codegen_1._) `${errsCount} === ${names_1.default.errors}`);
	}
	function checkKeywords(it) {
	    (0, util_1.checkUnknownRules)(it);
	    checkRefsAndKeywords(it);
	}
	function typeAndKeywords(it, errsCount) {
	    if (it.opts.jtd)
	        return schemaKeywords(it, [], false, errsCount);
	    const types = (0, dataType_1.getSchemaTypes)(it.schema);
	    const checkedTypes = (0, dataType_1.coerceAndCheckDataType)(it, types);
	    schemaKeywords(it, types, !checkedTypes, errsCount);
	}
	function checkRefsAndKeywords(it) {
	    const { schema, errSchemaPath, opts, self } = it;
	    if (schema.$ref && opts.ignoreKeywordsWithRef && (0, util_1.schemaHasRulesButRef)(schema, self.RULES)) {
	        self.logger.warn(`$ref: keywords ignored in schema at path "${errSchemaPath}"`);
	    }
	}
	function checkNoDefault(it) {
	    const { schema, opts } = it;
	    if (schema.default !== undefined && opts.useDefaults && opts.strictSchema) {
	        (0, util_1.checkStrictMode)(it, "default is ignored in the schema root");
	    }
	}
	function updateContext(it) {
	    const schId = it.schema[it.opts.schemaId];
	    if (schId)
	        it.baseId = (0, resolve_1.resolveUrl)(it.opts.uriResolver, it.baseId, schId);
	}
	function checkAsyncSchema(it) {
	    if (it.schema.$async && !it.schemaEnv.$async)
	        throw new Error("async schema in sync schema");
	}
	function commentKeyword({ gen, schemaEnv, schema, errSchemaPath, opts }) {
	    const msg = schema.$comment;
	    if (opts.$comment === true) {
	        gen.code((0, codegen_1._) `${names_1.default.self}.logger.log(${msg})`);
	    }
	    else if (typeof opts.$comment == "function") {
	        const schemaPath = (0, codegen_1.str) `${errSchemaPath}/$comment`;
	        const rootName = gen.scopeValue("root", { ref: schemaEnv.root });
	        gen.code((0, codegen_1._) `${names_1.default.self}.opts.$comment(${msg}, ${schemaPath}, ${rootName}.schema)`);
	    }
	}
	function returnResults(it) {
	    const { gen, schemaEnv, validateName, ValidationError, opts } = it;
	    if (schemaEnv.$async) {
	        // TODO assign unevaluated
	        gen.if((0, codegen_1._) `${names_1.default.errors} === 0`, () => gen.return(names_1.default.data), () => gen.throw((0, codegen_1._) `new ${ValidationError}(${names_1.default.vErrors})`));
	    }
	    else {
	        gen.assign((0, codegen_1._) `${validateName}.errors`, names_1.default.vErrors);
	        if (opts.unevaluated)
	            assignEvaluated(it);
	        gen.return((0, codegen_1._) `${names_1.default.errors} === 0`);
	    }
	}
	function assignEvaluated({ gen, evaluated, props, items }) {
	    if (props instanceof codegen_1.Name)
	        gen.assign((0, codegen_1._) `${evaluated}.props`, props);
	    if (items instanceof codegen_1.Name)
	        gen.assign((0, codegen_1._) `${evaluated}.items`, items);
	}
	function schemaKeywords(it, types, typeErrors, errsCount) {
	    const { gen, schema, data, allErrors, opts, self } = it;
	    const { RULES } = self;
	    if (schema.$ref && (opts.ignoreKeywordsWithRef || !(0, util_1.schemaHasRulesButRef)(schema, RULES))) {
	        gen.block(() => keywordCode(it, "$ref", RULES.all.$ref.definition)); // TODO typecast
	        return;
	    }
	    if (!opts.jtd)
	        checkStrictTypes(it, types);
	    gen.block(() => {
	        for (const group of RULES.rules)
	            groupKeywords(group);
	        groupKeywords(RULES.post);
	    });
	    function groupKeywords(group) {
	        if (!(0, applicability_1.shouldUseGroup)(schema, group))
	            return;
	        if (group.type) {
	            gen.if((0, dataType_2.checkDataType)(group.type, data, opts.strictNumbers));
	            iterateKeywords(it, group);
	            if (types.length === 1 && types[0] === group.type && typeErrors) {
	                gen.else();
	                (0, dataType_2.reportTypeError)(it);
	            }
	            gen.endIf();
	        }
	        else {
	            iterateKeywords(it, group);
	        }
	        // TODO make it "ok" call?
	        if (!allErrors)
	            gen.if((0, codegen_1._) `${names_1.default.errors} === ${errsCount || 0}`);
	    }
	}
	function iterateKeywords(it, group) {
	    const { gen, schema, opts: { useDefaults }, } = it;
	    if (useDefaults)
	        (0, defaults_1.assignDefaults)(it, group.type);
	    gen.block(() => {
	        for (const rule of group.rules) {
	            if ((0, applicability_1.shouldUseRule)(schema, rule)) {
	                keywordCode(it, rule.keyword, rule.definition, group.type);
	            }
	        }
	    });
	}
	function checkStrictTypes(it, types) {
	    if (it.schemaEnv.meta || !it.opts.strictTypes)
	        return;
	    checkContextTypes(it, types);
	    if (!it.opts.allowUnionTypes)
	        checkMultipleTypes(it, types);
	    checkKeywordTypes(it, it.dataTypes);
	}
	function checkContextTypes(it, types) {
	    if (!types.length)
	        return;
	    if (!it.dataTypes.length) {
	        it.dataTypes = types;
	        return;
	    }
	    types.forEach((t) => {
	        if (!includesType(it.dataTypes, t)) {
	            strictTypesError(it, `type "${t}" not allowed by context "${it.dataTypes.join(",")}"`);
	        }
	    });
	    narrowSchemaTypes(it, types);
	}
	function checkMultipleTypes(it, ts) {
	    if (ts.length > 1 && !(ts.length === 2 && ts.includes("null"))) {
	        strictTypesError(it, "use allowUnionTypes to allow union type keyword");
	    }
	}
	function checkKeywordTypes(it, ts) {
	    const rules = it.self.RULES.all;
	    for (const keyword in rules) {
	        const rule = rules[keyword];
	        if (typeof rule == "object" && (0, applicability_1.shouldUseRule)(it.schema, rule)) {
	            const { type } = rule.definition;
	            if (type.length && !type.some((t) => hasApplicableType(ts, t))) {
	                strictTypesError(it, `missing type "${type.join(",")}" for keyword "${keyword}"`);
	            }
	        }
	    }
	}
	function hasApplicableType(schTs, kwdT) {
	    return schTs.includes(kwdT) || (kwdT === "number" && schTs.includes("integer"));
	}
	function includesType(ts, t) {
	    return ts.includes(t) || (t === "integer" && ts.includes("number"));
	}
	function narrowSchemaTypes(it, withTypes) {
	    const ts = [];
	    for (const t of it.dataTypes) {
	        if (includesType(withTypes, t))
	            ts.push(t);
	        else if (withTypes.includes("integer") && t === "number")
	            ts.push("integer");
	    }
	    it.dataTypes = ts;
	}
	function strictTypesError(it, msg) {
	    const schemaPath = it.schemaEnv.baseId + it.errSchemaPath;
	    msg += ` at "${schemaPath}" (strictTypes)`;
	    (0, util_1.checkStrictMode)(it, msg, it.opts.strictTypes);
	}
	class KeywordCxt {
	    constructor(it, def, keyword) {
	        (0, keyword_1.validateKeywordUsage)(it, def, keyword);
	        this.gen = it.gen;
	        this.allErrors = it.allErrors;
	        this.keyword = keyword;
	        this.data = it.data;
	        this.schema = it.schema[keyword];
	        this.$data = def.$data && it.opts.$data && this.schema && this.schema.$data;
	        this.schemaValue = (0, util_1.schemaRefOrVal)(it, this.schema, keyword, this.$data);
	        this.schemaType = def.schemaType;
	        this.parentSchema = it.schema;
	        this.params = {};
	        this.it = it;
	        this.def = def;
	        if (this.$data) {
	            this.schemaCode = it.gen.const("vSchema", getData(this.$data, it));
	        }
	        else {
	            this.schemaCode = this.schemaValue;
	            if (!(0, keyword_1.validSchemaType)(this.schema, def.schemaType, def.allowUndefined)) {
	                throw new Error(`${keyword} value must be ${JSON.stringify(def.schemaType)}`);
	            }
	        }
	        if ("code" in def ? def.trackErrors : def.errors !== false) {
	            this.errsCount = it.gen.const("_errs", names_1.default.errors);
	        }
	    }
	    result(condition, successAction, failAction) {
	        this.failResult((0, codegen_1.not)(condition), successAction, failAction);
	    }
	    failResult(condition, successAction, failAction) {
	        this.gen.if(condition);
	        if (failAction)
	            failAction();
	        else
	            this.error();
	        if (successAction) {
	            this.gen.else();
	            successAction();
	            if (this.allErrors)
	                this.gen.endIf();
	        }
	        else {
	            if (this.allErrors)
	                this.gen.endIf();
	            else
	                this.gen.else();
	        }
	    }
	    pass(condition, failAction) {
	        this.failResult((0, codegen_1.not)(condition), undefined, failAction);
	    }
	    fail(condition) {
	        if (condition === undefined) {
	            this.error();
	            if (!this.allErrors)
	                this.gen.if(false); // this branch will be removed by gen.optimize
	            return;
	        }
	        this.gen.if(condition);
	        this.error();
	        if (this.allErrors)
	            this.gen.endIf();
	        else
	            this.gen.else();
	    }
	    fail$data(condition) {
	        if (!this.$data)
	            return this.fail(condition);
	        const { schemaCode } = this;
	        this.fail((0, codegen_1._) `${schemaCode} !== undefined && (${(0, codegen_1.or)(this.invalid$data(), condition)})`);
	    }
	    error(append, errorParams, errorPaths) {
	        if (errorParams) {
	            this.setParams(errorParams);
	            this._error(append, errorPaths);
	            this.setParams({});
	            return;
	        }
	        this._error(append, errorPaths);
	    }
	    _error(append, errorPaths) {
	        (append ? errors_1.reportExtraError : errors_1.reportError)(this, this.def.error, errorPaths);
	    }
	    $dataError() {
	        (0, errors_1.reportError)(this, this.def.$dataError || errors_1.keyword$DataError);
	    }
	    reset() {
	        if (this.errsCount === undefined)
	            throw new Error('add "trackErrors" to keyword definition');
	        (0, errors_1.resetErrorsCount)(this.gen, this.errsCount);
	    }
	    ok(cond) {
	        if (!this.allErrors)
	            this.gen.if(cond);
	    }
	    setParams(obj, assign) {
	        if (assign)
	            Object.assign(this.params, obj);
	        else
	            this.params = obj;
	    }
	    block$data(valid, codeBlock, $dataValid = codegen_1.nil) {
	        this.gen.block(() => {
	            this.check$data(valid, $dataValid);
	            codeBlock();
	        });
	    }
	    check$data(valid = codegen_1.nil, $dataValid = codegen_1.nil) {
	        if (!this.$data)
	            return;
	        const { gen, schemaCode, schemaType, def } = this;
	        gen.if((0, codegen_1.or)((0, codegen_1._) `${schemaCode} === undefined`, $dataValid));
	        if (valid !== codegen_1.nil)
	            gen.assign(valid, true);
	        if (schemaType.length || def.validateSchema) {
	            gen.elseIf(this.invalid$data());
	            this.$dataError();
	            if (valid !== codegen_1.nil)
	                gen.assign(valid, false);
	        }
	        gen.else();
	    }
	    invalid$data() {
	        const { gen, schemaCode, schemaType, def, it } = this;
	        return (0, codegen_1.or)(wrong$DataType(), invalid$DataSchema());
	        function wrong$DataType() {
	            if (schemaType.length) {
	                /* istanbul ignore if */
	                if (!(schemaCode instanceof codegen_1.Name))
	                    throw new Error("ajv implementation error");
	                const st = Array.isArray(schemaType) ? schemaType : [schemaType];
	                return (0, codegen_1._) `${(0, dataType_2.checkDataTypes)(st, schemaCode, it.opts.strictNumbers, dataType_2.DataType.Wrong)}`;
	            }
	            return codegen_1.nil;
	        }
	        function invalid$DataSchema() {
	            if (def.validateSchema) {
	                const validateSchemaRef = gen.scopeValue("validate$data", { ref: def.validateSchema }); // TODO value.code for standalone
	                return (0, codegen_1._) `!${validateSchemaRef}(${schemaCode})`;
	            }
	            return codegen_1.nil;
	        }
	    }
	    subschema(appl, valid) {
	        const subschema = (0, subschema_1.getSubschema)(this.it, appl);
	        (0, subschema_1.extendSubschemaData)(subschema, this.it, appl);
	        (0, subschema_1.extendSubschemaMode)(subschema, appl);
	        const nextContext = { ...this.it, ...subschema, items: undefined, props: undefined };
	        subschemaCode(nextContext, valid);
	        return nextContext;
	    }
	    mergeEvaluated(schemaCxt, toName) {
	        const { it, gen } = this;
	        if (!it.opts.unevaluated)
	            return;
	        if (it.props !== true && schemaCxt.props !== undefined) {
	            it.props = util_1.mergeEvaluated.props(gen, schemaCxt.props, it.props, toName);
	        }
	        if (it.items !== true && schemaCxt.items !== undefined) {
	            it.items = util_1.mergeEvaluated.items(gen, schemaCxt.items, it.items, toName);
	        }
	    }
	    mergeValidEvaluated(schemaCxt, valid) {
	        const { it, gen } = this;
	        if (it.opts.unevaluated && (it.props !== true || it.items !== true)) {
	            gen.if(valid, () => this.mergeEvaluated(schemaCxt, codegen_1.Name));
	            return true;
	        }
	    }
	}
	validate$1.KeywordCxt = KeywordCxt;
	function keywordCode(it, keyword, def, ruleType) {
	    const cxt = new KeywordCxt(it, def, keyword);
	    if ("code" in def) {
	        def.code(cxt, ruleType);
	    }
	    else if (cxt.$data && def.validate) {
	        (0, keyword_1.funcKeywordCode)(cxt, def);
	    }
	    else if ("macro" in def) {
	        (0, keyword_1.macroKeywordCode)(cxt, def);
	    }
	    else if (def.compile || def.validate) {
	        (0, keyword_1.funcKeywordCode)(cxt, def);
	    }
	}
	const JSON_POINTER = /^\/(?:[^~]|~0|~1)*$/;
	const RELATIVE_JSON_POINTER = /^([0-9]+)(#|\/(?:[^~]|~0|~1)*)?$/;
	function getData($data, { dataLevel, dataNames, dataPathArr }) {
	    let jsonPointer;
	    let data;
	    if ($data === "")
	        return names_1.default.rootData;
	    if ($data[0] === "/") {
	        if (!JSON_POINTER.test($data))
	            throw new Error(`Invalid JSON-pointer: ${$data}`);
	        jsonPointer = $data;
	        data = names_1.default.rootData;
	    }
	    else {
	        const matches = RELATIVE_JSON_POINTER.exec($data);
	        if (!matches)
	            throw new Error(`Invalid JSON-pointer: ${$data}`);
	        const up = +matches[1];
	        jsonPointer = matches[2];
	        if (jsonPointer === "#") {
	            if (up >= dataLevel)
	                throw new Error(errorMsg("property/index", up));
	            return dataPathArr[dataLevel - up];
	        }
	        if (up > dataLevel)
	            throw new Error(errorMsg("data", up));
	        data = dataNames[dataLevel - up];
	        if (!jsonPointer)
	            return data;
	    }
	    let expr = data;
	    const segments = jsonPointer.split("/");
	    for (const segment of segments) {
	        if (segment) {
	            data = (0, codegen_1._) `${data}${(0, codegen_1.getProperty)((0, util_1.unescapeJsonPointer)(segment))}`;
	            expr = (0, codegen_1._) `${expr} && ${data}`;
	        }
	    }
	    return expr;
	    function errorMsg(pointerType, up) {
	        return `Cannot access ${pointerType} ${up} levels up, current level is ${dataLevel}`;
	    }
	}
	validate$1.getData = getData;
	
	return validate$1;
}

var validation_error = {};

var hasRequiredValidation_error;

function requireValidation_error () {
	if (hasRequiredValidation_error) return validation_error;
	hasRequiredValidation_error = 1;
	Object.defineProperty(validation_error, "__esModule", { value: true });
	class ValidationError extends Error {
	    constructor(errors) {
	        super("validation failed");
	        this.errors = errors;
	        this.ajv = this.validation = true;
	    }
	}
	validation_error.default = ValidationError;
	
	return validation_error;
}

var ref_error = {};

var hasRequiredRef_error;

function requireRef_error () {
	if (hasRequiredRef_error) return ref_error;
	hasRequiredRef_error = 1;
	Object.defineProperty(ref_error, "__esModule", { value: true });
	const resolve_1 = /*@__PURE__*/ requireResolve();
	class MissingRefError extends Error {
	    constructor(resolver, baseId, ref, msg) {
	        super(msg || `can't resolve reference ${ref} from id ${baseId}`);
	        this.missingRef = (0, resolve_1.resolveUrl)(resolver, baseId, ref);
	        this.missingSchema = (0, resolve_1.normalizeId)((0, resolve_1.getFullPath)(resolver, this.missingRef));
	    }
	}
	ref_error.default = MissingRefError;
	
	return ref_error;
}

var compile = {};

var hasRequiredCompile;

function requireCompile () {
	if (hasRequiredCompile) return compile;
	hasRequiredCompile = 1;
	Object.defineProperty(compile, "__esModule", { value: true });
	compile.resolveSchema = compile.getCompilingSchema = compile.resolveRef = compile.compileSchema = compile.SchemaEnv = void 0;
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const validation_error_1 = /*@__PURE__*/ requireValidation_error();
	const names_1 = /*@__PURE__*/ requireNames();
	const resolve_1 = /*@__PURE__*/ requireResolve();
	const util_1 = /*@__PURE__*/ requireUtil();
	const validate_1 = /*@__PURE__*/ requireValidate();
	class SchemaEnv {
	    constructor(env) {
	        var _a;
	        this.refs = {};
	        this.dynamicAnchors = {};
	        let schema;
	        if (typeof env.schema == "object")
	            schema = env.schema;
	        this.schema = env.schema;
	        this.schemaId = env.schemaId;
	        this.root = env.root || this;
	        this.baseId = (_a = env.baseId) !== null && _a !== void 0 ? _a : (0, resolve_1.normalizeId)(schema === null || schema === void 0 ? void 0 : schema[env.schemaId || "$id"]);
	        this.schemaPath = env.schemaPath;
	        this.localRefs = env.localRefs;
	        this.meta = env.meta;
	        this.$async = schema === null || schema === void 0 ? void 0 : schema.$async;
	        this.refs = {};
	    }
	}
	compile.SchemaEnv = SchemaEnv;
	// let codeSize = 0
	// let nodeCount = 0
	// Compiles schema in SchemaEnv
	function compileSchema(sch) {
	    // TODO refactor - remove compilations
	    const _sch = getCompilingSchema.call(this, sch);
	    if (_sch)
	        return _sch;
	    const rootId = (0, resolve_1.getFullPath)(this.opts.uriResolver, sch.root.baseId); // TODO if getFullPath removed 1 tests fails
	    const { es5, lines } = this.opts.code;
	    const { ownProperties } = this.opts;
	    const gen = new codegen_1.CodeGen(this.scope, { es5, lines, ownProperties });
	    let _ValidationError;
	    if (sch.$async) {
	        _ValidationError = gen.scopeValue("Error", {
	            ref: validation_error_1.default,
	            code: (0, codegen_1._) `require("ajv/dist/runtime/validation_error").default`,
	        });
	    }
	    const validateName = gen.scopeName("validate");
	    sch.validateName = validateName;
	    const schemaCxt = {
	        gen,
	        allErrors: this.opts.allErrors,
	        data: names_1.default.data,
	        parentData: names_1.default.parentData,
	        parentDataProperty: names_1.default.parentDataProperty,
	        dataNames: [names_1.default.data],
	        dataPathArr: [codegen_1.nil], // TODO can its length be used as dataLevel if nil is removed?
	        dataLevel: 0,
	        dataTypes: [],
	        definedProperties: new Set(),
	        topSchemaRef: gen.scopeValue("schema", this.opts.code.source === true
	            ? { ref: sch.schema, code: (0, codegen_1.stringify)(sch.schema) }
	            : { ref: sch.schema }),
	        validateName,
	        ValidationError: _ValidationError,
	        schema: sch.schema,
	        schemaEnv: sch,
	        rootId,
	        baseId: sch.baseId || rootId,
	        schemaPath: codegen_1.nil,
	        errSchemaPath: sch.schemaPath || (this.opts.jtd ? "" : "#"),
	        errorPath: (0, codegen_1._) `""`,
	        opts: this.opts,
	        self: this,
	    };
	    let sourceCode;
	    try {
	        this._compilations.add(sch);
	        (0, validate_1.validateFunctionCode)(schemaCxt);
	        gen.optimize(this.opts.code.optimize);
	        // gen.optimize(1)
	        const validateCode = gen.toString();
	        sourceCode = `${gen.scopeRefs(names_1.default.scope)}return ${validateCode}`;
	        // console.log((codeSize += sourceCode.length), (nodeCount += gen.nodeCount))
	        if (this.opts.code.process)
	            sourceCode = this.opts.code.process(sourceCode, sch);
	        // console.log("\n\n\n *** \n", sourceCode)
	        const makeValidate = new Function(`${names_1.default.self}`, `${names_1.default.scope}`, sourceCode);
	        const validate = makeValidate(this, this.scope.get());
	        this.scope.value(validateName, { ref: validate });
	        validate.errors = null;
	        validate.schema = sch.schema;
	        validate.schemaEnv = sch;
	        if (sch.$async)
	            validate.$async = true;
	        if (this.opts.code.source === true) {
	            validate.source = { validateName, validateCode, scopeValues: gen._values };
	        }
	        if (this.opts.unevaluated) {
	            const { props, items } = schemaCxt;
	            validate.evaluated = {
	                props: props instanceof codegen_1.Name ? undefined : props,
	                items: items instanceof codegen_1.Name ? undefined : items,
	                dynamicProps: props instanceof codegen_1.Name,
	                dynamicItems: items instanceof codegen_1.Name,
	            };
	            if (validate.source)
	                validate.source.evaluated = (0, codegen_1.stringify)(validate.evaluated);
	        }
	        sch.validate = validate;
	        return sch;
	    }
	    catch (e) {
	        delete sch.validate;
	        delete sch.validateName;
	        if (sourceCode)
	            this.logger.error("Error compiling schema, function code:", sourceCode);
	        // console.log("\n\n\n *** \n", sourceCode, this.opts)
	        throw e;
	    }
	    finally {
	        this._compilations.delete(sch);
	    }
	}
	compile.compileSchema = compileSchema;
	function resolveRef(root, baseId, ref) {
	    var _a;
	    ref = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, ref);
	    const schOrFunc = root.refs[ref];
	    if (schOrFunc)
	        return schOrFunc;
	    let _sch = resolve.call(this, root, ref);
	    if (_sch === undefined) {
	        const schema = (_a = root.localRefs) === null || _a === void 0 ? void 0 : _a[ref]; // TODO maybe localRefs should hold SchemaEnv
	        const { schemaId } = this.opts;
	        if (schema)
	            _sch = new SchemaEnv({ schema, schemaId, root, baseId });
	    }
	    if (_sch === undefined)
	        return;
	    return (root.refs[ref] = inlineOrCompile.call(this, _sch));
	}
	compile.resolveRef = resolveRef;
	function inlineOrCompile(sch) {
	    if ((0, resolve_1.inlineRef)(sch.schema, this.opts.inlineRefs))
	        return sch.schema;
	    return sch.validate ? sch : compileSchema.call(this, sch);
	}
	// Index of schema compilation in the currently compiled list
	function getCompilingSchema(schEnv) {
	    for (const sch of this._compilations) {
	        if (sameSchemaEnv(sch, schEnv))
	            return sch;
	    }
	}
	compile.getCompilingSchema = getCompilingSchema;
	function sameSchemaEnv(s1, s2) {
	    return s1.schema === s2.schema && s1.root === s2.root && s1.baseId === s2.baseId;
	}
	// resolve and compile the references ($ref)
	// TODO returns AnySchemaObject (if the schema can be inlined) or validation function
	function resolve(root, // information about the root schema for the current schema
	ref // reference to resolve
	) {
	    let sch;
	    while (typeof (sch = this.refs[ref]) == "string")
	        ref = sch;
	    return sch || this.schemas[ref] || resolveSchema.call(this, root, ref);
	}
	// Resolve schema, its root and baseId
	function resolveSchema(root, // root object with properties schema, refs TODO below SchemaEnv is assigned to it
	ref // reference to resolve
	) {
	    const p = this.opts.uriResolver.parse(ref);
	    const refPath = (0, resolve_1._getFullPath)(this.opts.uriResolver, p);
	    let baseId = (0, resolve_1.getFullPath)(this.opts.uriResolver, root.baseId, undefined);
	    // TODO `Object.keys(root.schema).length > 0` should not be needed - but removing breaks 2 tests
	    if (Object.keys(root.schema).length > 0 && refPath === baseId) {
	        return getJsonPointer.call(this, p, root);
	    }
	    const id = (0, resolve_1.normalizeId)(refPath);
	    const schOrRef = this.refs[id] || this.schemas[id];
	    if (typeof schOrRef == "string") {
	        const sch = resolveSchema.call(this, root, schOrRef);
	        if (typeof (sch === null || sch === void 0 ? void 0 : sch.schema) !== "object")
	            return;
	        return getJsonPointer.call(this, p, sch);
	    }
	    if (typeof (schOrRef === null || schOrRef === void 0 ? void 0 : schOrRef.schema) !== "object")
	        return;
	    if (!schOrRef.validate)
	        compileSchema.call(this, schOrRef);
	    if (id === (0, resolve_1.normalizeId)(ref)) {
	        const { schema } = schOrRef;
	        const { schemaId } = this.opts;
	        const schId = schema[schemaId];
	        if (schId)
	            baseId = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schId);
	        return new SchemaEnv({ schema, schemaId, root, baseId });
	    }
	    return getJsonPointer.call(this, p, schOrRef);
	}
	compile.resolveSchema = resolveSchema;
	const PREVENT_SCOPE_CHANGE = new Set([
	    "properties",
	    "patternProperties",
	    "enum",
	    "dependencies",
	    "definitions",
	]);
	function getJsonPointer(parsedRef, { baseId, schema, root }) {
	    var _a;
	    if (((_a = parsedRef.fragment) === null || _a === void 0 ? void 0 : _a[0]) !== "/")
	        return;
	    for (const part of parsedRef.fragment.slice(1).split("/")) {
	        if (typeof schema === "boolean")
	            return;
	        const partSchema = schema[(0, util_1.unescapeFragment)(part)];
	        if (partSchema === undefined)
	            return;
	        schema = partSchema;
	        // TODO PREVENT_SCOPE_CHANGE could be defined in keyword def?
	        const schId = typeof schema === "object" && schema[this.opts.schemaId];
	        if (!PREVENT_SCOPE_CHANGE.has(part) && schId) {
	            baseId = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schId);
	        }
	    }
	    let env;
	    if (typeof schema != "boolean" && schema.$ref && !(0, util_1.schemaHasRulesButRef)(schema, this.RULES)) {
	        const $ref = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schema.$ref);
	        env = resolveSchema.call(this, root, $ref);
	    }
	    // even though resolution failed we need to return SchemaEnv to throw exception
	    // so that compileAsync loads missing schema.
	    const { schemaId } = this.opts;
	    env = env || new SchemaEnv({ schema, schemaId, root, baseId });
	    if (env.schema !== env.root.schema)
	        return env;
	    return undefined;
	}
	
	return compile;
}

var $id$3 = "https://raw.githubusercontent.com/ajv-validator/ajv/master/lib/refs/data.json#";
var description = "Meta-schema for $data reference (JSON AnySchema extension proposal)";
var type$3 = "object";
var required$2 = [
	"$data"
];
var properties$4 = {
	$data: {
		type: "string",
		anyOf: [
			{
				format: "relative-json-pointer"
			},
			{
				format: "json-pointer"
			}
		]
	}
};
var additionalProperties$2 = false;
var require$$9 = {
	$id: $id$3,
	description: description,
	type: type$3,
	required: required$2,
	properties: properties$4,
	additionalProperties: additionalProperties$2
};

var uri = {};

var fastUri = {exports: {}};

var utils;
var hasRequiredUtils;

function requireUtils () {
	if (hasRequiredUtils) return utils;
	hasRequiredUtils = 1;

	/** @type {(value: string) => boolean} */
	const isUUID = RegExp.prototype.test.bind(/^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/iu);

	/** @type {(value: string) => boolean} */
	const isIPv4 = RegExp.prototype.test.bind(/^(?:(?:25[0-5]|2[0-4]\d|1\d{2}|[1-9]\d|\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d{2}|[1-9]\d|\d)$/u);

	/** @type {(value: string) => boolean} */
	const isPort = RegExp.prototype.test.bind(/^\d*$/u);

	/** @type {(value: string) => boolean} */
	const isHexPair = RegExp.prototype.test.bind(/^[\da-f]{2}$/iu);

	/** @type {(value: string) => boolean} */
	const isUnreserved = RegExp.prototype.test.bind(/^[\da-z\-._~]$/iu);

	/** @type {(value: string) => boolean} */
	const isPathCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/]$/u);

	/** @type {(value: string) => boolean} */
	const isQueryFragmentCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/?]$/u);

	/** @type {(value: string) => boolean} */
	const isUserinfoCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:]$/u);

	const BYTE_HEX = new Array(256);
	{
	  const HEX_DIGITS = '0123456789ABCDEF';
	  for (let i = 0; i < 256; i++) {
	    BYTE_HEX[i] = '%' + HEX_DIGITS[i >> 4] + HEX_DIGITS[i & 0xF];
	  }
	}
	function percentEncodeNonAscii (cp) {
	  if (cp < 0x800) {
	    return BYTE_HEX[0xC0 | (cp >> 6)] +
	           BYTE_HEX[0x80 | (cp & 0x3F)]
	  }
	  if (cp < 0x10000) {
	    return BYTE_HEX[0xE0 | (cp >> 12)] +
	           BYTE_HEX[0x80 | ((cp >> 6) & 0x3F)] +
	           BYTE_HEX[0x80 | (cp & 0x3F)]
	  }
	  return BYTE_HEX[0xF0 | (cp >> 18)] +
	         BYTE_HEX[0x80 | ((cp >> 12) & 0x3F)] +
	         BYTE_HEX[0x80 | ((cp >> 6) & 0x3F)] +
	         BYTE_HEX[0x80 | (cp & 0x3F)]
	}

	/**
	 * @param {Array<string>} input
	 * @returns {string}
	 */
	function stringArrayToHexStripped (input) {
	  let acc = '';
	  let code = 0;
	  let i = 0;

	  for (i = 0; i < input.length; i++) {
	    code = input[i].charCodeAt(0);
	    if (code === 48) {
	      continue
	    }
	    if (!((code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102))) {
	      return ''
	    }
	    acc += input[i];
	    break
	  }

	  for (i += 1; i < input.length; i++) {
	    code = input[i].charCodeAt(0);
	    if (!((code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102))) {
	      return ''
	    }
	    acc += input[i];
	  }
	  return acc
	}

	/** @type {(value: string) => boolean} */
	const isHextet = RegExp.prototype.test.bind(/^[\dA-Fa-f]{1,4}$/);

	/** @type {(value: string) => boolean} */
	const isIPvFuture = RegExp.prototype.test.bind(/^[vV][\dA-Fa-f]+\.[A-Za-z\d\-._~!$&'()*+,;=:]+$/);

	/** @type {(value: string) => boolean} */
	const isZoneCharacter = RegExp.prototype.test.bind(/^[A-Za-z\d\-._~]$/);

	/**
	 * @param {string} value
	 * @returns {boolean}
	 */
	const nonSimpleDomain = RegExp.prototype.test.bind(/[^!"$&'()*+,\-.;=_`a-z{}~]/u);

	/**
	 * @param {string} zone
	 * @returns {boolean}
	 */
	function isZoneIdentifier (zone) {
	  if (zone.length === 0) return false

	  for (let i = 0; i < zone.length; i++) {
	    if (isZoneCharacter(zone[i])) continue
	    if (zone[i] === '%' && i + 2 < zone.length && isHexPair(zone.slice(i + 1, i + 3))) {
	      i += 2;
	      continue
	    }
	    return false
	  }

	  return true
	}

	/**
	 * Compresses the longest run of zero hextets to "::" per RFC 5952. A run of a
	 * single zero hextet is left uncompressed. On ties the leftmost run wins.
	 *
	 * @param {string[]} hextets
	 * @returns {string}
	 */
	function compressIPv6ZeroRun (hextets) {
	  let bestStart = -1;
	  let bestLength = 0;
	  let runStart = -1;
	  let runLength = 0;
	  for (let i = 0; i < hextets.length; i++) {
	    if (hextets[i] === '0') {
	      if (runStart === -1) runStart = i;
	      runLength++;
	      if (runLength > bestLength) {
	        bestLength = runLength;
	        bestStart = runStart;
	      }
	    } else {
	      runStart = -1;
	      runLength = 0;
	    }
	  }

	  if (bestLength < 2) return hextets.join(':')

	  const head = hextets.slice(0, bestStart).join(':');
	  const tail = hextets.slice(bestStart + bestLength).join(':');
	  return head + '::' + tail
	}

	/**
	 * Validates an IPv6 address against the alternatives in RFC 3986 section
	 * 3.2.2 and returns the same address with leading hextet zeroes removed.
	 * An embedded IPv4 address counts as two hextets and is only valid at the end.
	 *
	 * @param {string} input
	 * @returns {string|undefined}
	 */
	function normalizeIPv6Address (input) {
	  const compression = input.indexOf('::');
	  if (compression !== -1 && input.indexOf('::', compression + 1) !== -1) return undefined

	  const left = compression === -1 ? input.split(':') : input.slice(0, compression).split(':');
	  const right = compression === -1 ? [] : input.slice(compression + 2).split(':');
	  if (compression !== -1) {
	    if (left.length === 1 && left[0] === '') left.length = 0;
	    if (right.length === 1 && right[0] === '') right.length = 0;
	  }

	  const parts = left.concat(right);
	  let hextetCount = 0;
	  for (let i = 0; i < parts.length; i++) {
	    const part = parts[i];
	    if (part === '') return undefined

	    if (part.indexOf('.') !== -1) {
	      if (i !== parts.length - 1 || (compression !== -1 && right.length === 0) || !isIPv4(part)) return undefined
	      hextetCount += 2;
	      continue
	    }

	    if (!isHextet(part)) return undefined
	    parts[i] = parseInt(part, 16).toString(16);
	    hextetCount++;
	  }

	  if (compression === -1) {
	    if (hextetCount !== 8) return undefined
	    return compressIPv6ZeroRun(parts)
	  }
	  if (hextetCount >= 8) return undefined

	  // expand "::" then re-compress the longest run for a canonical result
	  const expanded = parts.slice(0, left.length);
	  for (let i = hextetCount; i < 8; i++) expanded.push('0');
	  for (let i = left.length; i < parts.length; i++) expanded.push(parts[i]);
	  return compressIPv6ZeroRun(expanded)
	}

	/**
	 * @typedef {Object} NormalizeIPv6Result
	 * @property {string} host - The normalized host.
	 * @property {string} [escapedHost] - The escaped host.
	 * @property {boolean} isIPV6 - Indicates if the host is an IPv6 address.
	 * @property {boolean} [isIPVFuture] - Indicates if the host is an IPvFuture literal.
	 * @property {boolean} [error] - Indicates if a bracketed IP literal is malformed.
	 */

	/**
	 * Validates and normalizes a bracketed IP literal. Raw zone separators remain
	 * accepted for backwards compatibility, while encoded separators and zone
	 * contents follow RFC 6874.
	 *
	 * @param {string} host
	 * @returns {NormalizeIPv6Result}
	 */
	function normalizeIPv6 (host) {
	  const bracketed = host[0] === '[' && host[host.length - 1] === ']';
	  const hasBracket = host[0] === '[' || host[host.length - 1] === ']';
	  if (hasBracket && !bracketed) return { host, isIPV6: false, error: true }

	  let input = bracketed ? host.slice(1, -1) : host;
	  if (bracketed && isIPvFuture(input)) {
	    input = input.toLowerCase();
	    return { host: `[${input}]`, escapedHost: input, isIPV6: false, isIPVFuture: true }
	  }

	  if (findToken(input, ':') < 2) {
	    return { host, isIPV6: false, error: bracketed }
	  }

	  let zoneIdentifier = '';
	  const zoneSeparator = input.indexOf('%');
	  if (zoneSeparator !== -1) {
	    const separatorLength = input.slice(zoneSeparator, zoneSeparator + 3).toLowerCase() === '%25' ? 3 : 1;
	    zoneIdentifier = input.slice(zoneSeparator + separatorLength);
	    if (!isZoneIdentifier(zoneIdentifier)) return { host, isIPV6: false, error: true }
	    input = input.slice(0, zoneSeparator);
	  }

	  const address = normalizeIPv6Address(input);
	  if (address === undefined) return { host, isIPV6: false, error: true }

	  return {
	    host: address + (zoneIdentifier ? '%' + zoneIdentifier : ''),
	    escapedHost: address + (zoneIdentifier ? '%25' + zoneIdentifier : ''),
	    isIPV6: true
	  }
	}

	/**
	 * @param {string} str
	 * @param {string} token
	 * @returns {number}
	 */
	function findToken (str, token) {
	  let ind = 0;
	  for (let i = 0; i < str.length; i++) {
	    if (str[i] === token) ind++;
	  }
	  return ind
	}

	/**
	 * @param {string} path
	 * @returns {string}
	 *
	 * @see https://datatracker.ietf.org/doc/html/rfc3986#section-5.2.4
	 */
	function removeDotSegments (path) {
	  let input = path;
	  const output = [];
	  let nextSlash = -1;
	  let len = 0;

	  // eslint-disable-next-line no-cond-assign
	  while (len = input.length) {
	    if (len === 1) {
	      if (input === '.') {
	        break
	      } else if (input === '/') {
	        output.push('/');
	        break
	      } else {
	        output.push(input);
	        break
	      }
	    } else if (len === 2) {
	      if (input[0] === '.') {
	        if (input[1] === '.') {
	          break
	        } else if (input[1] === '/') {
	          input = input.slice(2);
	          continue
	        }
	      } else if (input[0] === '/') {
	        if (input[1] === '.' || input[1] === '/') {
	          output.push('/');
	          break
	        }
	      }
	    } else if (len === 3) {
	      if (input === '/..') {
	        if (output.length !== 0) {
	          output.pop();
	        }
	        output.push('/');
	        break
	      }
	    }
	    if (input[0] === '.') {
	      if (input[1] === '.') {
	        if (input[2] === '/') {
	          input = input.slice(3);
	          continue
	        }
	      } else if (input[1] === '/') {
	        input = input.slice(2);
	        continue
	      }
	    } else if (input[0] === '/') {
	      if (input[1] === '.') {
	        if (input[2] === '/') {
	          input = input.slice(2);
	          continue
	        } else if (input[2] === '.') {
	          if (input[3] === '/') {
	            input = input.slice(3);
	            if (output.length !== 0) {
	              output.pop();
	            }
	            continue
	          }
	        }
	      }
	    }

	    // Rule 2E: Move normal path segment to output
	    if ((nextSlash = input.indexOf('/', 1)) === -1) {
	      output.push(input);
	      break
	    } else {
	      output.push(input.slice(0, nextSlash));
	      input = input.slice(nextSlash);
	    }
	  }

	  return output.join('')
	}

	/**
	 * Removes dot segments from the path of a relative reference (a path that does
	 * not start with "/") without changing what it resolves to against any base.
	 * Unlike `removeDotSegments`, leading ".." segments that cannot be collapsed
	 * are kept, the result never becomes root-relative, and a result that would be
	 * empty or start with an empty segment is prefixed with "." (an empty path
	 * means "same document" and a leading "//" would introduce an authority).
	 *
	 * @param {string} path
	 * @returns {string}
	 */
	function removeDotSegmentsRelative (path) {
	  if (path === '' || path[0] === '/') {
	    return removeDotSegments(path)
	  }

	  const segments = path.split('/');
	  const last = segments.length - 1;
	  /** @type {string[]} */
	  const output = [];
	  let trailingDirectory = false;

	  for (let i = 0; i <= last; i++) {
	    const segment = segments[i];
	    if (segment === '.' || segment === '..') {
	      if (segment === '..') {
	        if (output.length !== 0 && output[output.length - 1] !== '..') {
	          output.pop();
	        } else {
	          output.push('..');
	        }
	      }
	      trailingDirectory = i === last;
	    } else {
	      output.push(segment);
	    }
	  }

	  if (trailingDirectory && output[output.length - 1] !== '..') {
	    output.push('');
	  }
	  if (output.length === 0 || output[0] === '' || output[0].includes(':')) {
	    // An empty path, a leading empty segment ("//"), or a first segment
	    // containing ":" (which would be mistaken for a scheme, RFC 3986 section
	    // 4.2) must stay behind a "." segment so the reference keeps its meaning.
	    output.unshift('.');
	  }

	  return output.join('/')
	}

	/**
	 * Re-escape RFC 3986 gen-delims that must not appear literally in the host.
	 * After the URI regex parses, these characters cannot be literal in the host
	 * field, so any that appear after decoding came from percent-encoding and
	 * must be restored to prevent authority structure changes.
	 *
	 * @param {string} host
	 * @param {boolean} isIP - true for IPv4/IPv6 hosts (skip colon re-escaping)
	 * @returns {string}
	 */
	const HOST_DELIMS = { '@': '%40', '/': '%2F', '?': '%3F', '#': '%23', ':': '%3A' };
	const HOST_DELIM_RE = /[@/?#:]/g;
	const HOST_DELIM_NO_COLON_RE = /[@/?#]/g;

	function reescapeHostDelimiters (host, isIP) {
	  const re = isIP ? HOST_DELIM_NO_COLON_RE : HOST_DELIM_RE;
	  re.lastIndex = 0;
	  return host.replace(re, (ch) => HOST_DELIMS[ch])
	}

	/**
	 * Normalizes percent escapes and optionally decodes only unreserved ASCII bytes.
	 * Reserved delimiters such as `%2F` stay escaped; `%2E` is unreserved.
	 *
	 * @param {string} input
	 * @param {boolean} [decodeUnreserved=false]
	 * @returns {string}
	 */
	function normalizePercentEncoding (input, decodeUnreserved = false) {
	  if (input.indexOf('%') === -1) {
	    return input
	  }

	  let output = '';

	  for (let i = 0; i < input.length; i++) {
	    if (input[i] === '%' && i + 2 < input.length) {
	      const hex = input.slice(i + 1, i + 3);
	      if (isHexPair(hex)) {
	        const normalizedHex = hex.toUpperCase();
	        const decoded = String.fromCharCode(parseInt(normalizedHex, 16));

	        if (decodeUnreserved && isUnreserved(decoded)) {
	          output += decoded;
	        } else {
	          output += '%' + normalizedHex;
	        }

	        i += 2;
	        continue
	      }
	    }

	    output += input[i];
	  }

	  return output
	}

	/**
	 * Normalizes path data without turning reserved escapes into live path syntax.
	 * Valid escapes are uppercased, raw unsafe characters are escaped, and only
	 * unreserved bytes that are not `.` are decoded.
	 *
	 * @param {string} input
	 * @returns {string}
	 */
	function normalizePathEncoding (input) {
	  let output = '';

	  for (let i = 0; i < input.length; i++) {
	    const ch = input[i];
	    if (ch === '%' && i + 2 < input.length) {
	      const hex = input.slice(i + 1, i + 3);
	      if (isHexPair(hex)) {
	        const normalizedHex = hex.toUpperCase();
	        const decoded = String.fromCharCode(parseInt(normalizedHex, 16));

	        if (decoded !== '.' && isUnreserved(decoded)) {
	          output += decoded;
	        } else {
	          output += '%' + normalizedHex;
	        }

	        i += 2;
	        continue
	      }
	    }

	    if (isPathCharacter(ch)) {
	      output += ch;
	    } else {
	      const code = input.charCodeAt(i);
	      if (code < 0x80) {
	        output += isEscapeSafe(code) ? ch : BYTE_HEX[code];
	      } else if (code < 0xD800 || code > 0xDFFF) {
	        output += percentEncodeNonAscii(code);
	      } else if (code <= 0xDBFF && i + 1 < input.length) {
	        const low = input.charCodeAt(i + 1);
	        if (low >= 0xDC00 && low <= 0xDFFF) {
	          output += percentEncodeNonAscii(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00));
	          i++;
	        } else {
	          output += percentEncodeNonAscii(0xFFFD);
	        }
	      } else {
	        output += percentEncodeNonAscii(0xFFFD);
	      }
	    }
	  }

	  return output
	}

	/**
	 * Serializes a path without rewriting reserved data. Raw RFC 3986 path
	 * characters remain literal, valid escapes are preserved and uppercased, and
	 * everything else is UTF-8 percent-encoded. In a path-noscheme, a colon in the
	 * first segment must be escaped so the result cannot be parsed as a scheme.
	 *
	 * @param {string} input
	 * @param {boolean} [pathNoScheme=false]
	 * @returns {string}
	 */
	function serializePathEncoding (input, pathNoScheme = false) {
	  let output = '';
	  let firstSegment = pathNoScheme && input[0] !== '/';

	  for (let i = 0; i < input.length; i++) {
	    const ch = input[i];
	    if (ch === '%' && i + 2 < input.length) {
	      const hex = input.slice(i + 1, i + 3);
	      if (isHexPair(hex)) {
	        output += '%' + hex.toUpperCase();
	        i += 2;
	        continue
	      }
	    }

	    if (ch === '/') {
	      firstSegment = false;
	    }

	    if (isPathCharacter(ch) && (ch !== ':' || !firstSegment)) {
	      output += ch;
	    } else {
	      const code = input.charCodeAt(i);
	      if (code < 0x80) {
	        output += BYTE_HEX[code];
	      } else if (code < 0xD800 || code > 0xDFFF) {
	        output += percentEncodeNonAscii(code);
	      } else if (code <= 0xDBFF && i + 1 < input.length) {
	        const low = input.charCodeAt(i + 1);
	        if (low >= 0xDC00 && low <= 0xDFFF) {
	          output += percentEncodeNonAscii(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00));
	          i++;
	        } else {
	          output += percentEncodeNonAscii(0xFFFD);
	        }
	      } else {
	        output += percentEncodeNonAscii(0xFFFD);
	      }
	    }
	  }

	  return output
	}

	/**
	 * Percent-encodes a URI component using its RFC 3986 literal character set.
	 * Existing valid escapes are preserved and normalized to uppercase hex.
	 *
	 * @param {string} input
	 * @param {(value: string) => boolean} isAllowed
	 * @returns {string}
	 */
	function encodeComponent (input, isAllowed) {
	  let output = '';

	  for (let i = 0; i < input.length; i++) {
	    const ch = input[i];
	    if (ch === '%' && i + 2 < input.length) {
	      const hex = input.slice(i + 1, i + 3);
	      if (isHexPair(hex)) {
	        output += '%' + hex.toUpperCase();
	        i += 2;
	        continue
	      }
	    }

	    if (isAllowed(ch)) {
	      output += ch;
	    } else {
	      const code = input.charCodeAt(i);
	      if (code < 0x80) {
	        output += BYTE_HEX[code];
	      } else if (code < 0xD800 || code > 0xDFFF) {
	        output += percentEncodeNonAscii(code);
	      } else if (code <= 0xDBFF && i + 1 < input.length) {
	        const low = input.charCodeAt(i + 1);
	        if (low >= 0xDC00 && low <= 0xDFFF) {
	          output += percentEncodeNonAscii(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00));
	          i++;
	        } else {
	          output += percentEncodeNonAscii(0xFFFD);
	        }
	      } else {
	        output += percentEncodeNonAscii(0xFFFD);
	      }
	    }
	  }

	  return output
	}

	/**
	 * Encodes userinfo while preserving its RFC 3986 §3.2.1 literal characters.
	 * In particular, authority delimiters such as `@`, `/`, `?`, and `#` are data.
	 *
	 * @param {string} input
	 * @returns {string}
	 */
	function encodeUserinfo (input) {
	  return encodeComponent(input, isUserinfoCharacter)
	}

	/**
	 * Encodes query data using the RFC 3986 §3.4 grammar. A literal `#` must be
	 * escaped because it would otherwise begin the fragment component.
	 *
	 * @param {string} input
	 * @returns {string}
	 */
	function encodeQuery (input) {
	  return encodeComponent(input, isQueryFragmentCharacter)
	}

	/**
	 * Encodes fragment data using the RFC 3986 §3.5 grammar.
	 *
	 * @param {string} input
	 * @returns {string}
	 */
	function encodeFragment (input) {
	  return encodeComponent(input, isQueryFragmentCharacter)
	}

	function isEscapeSafe (cp) {
	  return (
	    (cp >= 0x30 && cp <= 0x39) ||
	    (cp >= 0x41 && cp <= 0x5A) ||
	    (cp >= 0x61 && cp <= 0x7A) ||
	    cp === 0x2A || cp === 0x2B || cp === 0x2D || cp === 0x2E ||
	    cp === 0x2F || cp === 0x40 || cp === 0x5F
	  )
	}

	/**
	 * Normalizes the percent-encoding of a query or fragment component.
	 *
	 * Like `normalizePathEncoding`, but uses the query/fragment character set
	 * (which additionally allows `?`) and decodes `.` since it has no dot-segment
	 * meaning outside of a path.
	 *
	 * @param {string} input
	 * @returns {string}
	 */
	function normalizeQueryFragmentEncoding (input) {
	  let output = '';

	  for (let i = 0; i < input.length; i++) {
	    const ch = input[i];
	    if (ch === '%' && i + 2 < input.length) {
	      const hex = input.slice(i + 1, i + 3);
	      if (isHexPair(hex)) {
	        const normalizedHex = hex.toUpperCase();
	        const decoded = String.fromCharCode(parseInt(normalizedHex, 16));

	        if (isUnreserved(decoded)) {
	          output += decoded;
	        } else {
	          output += '%' + normalizedHex;
	        }

	        i += 2;
	        continue
	      }
	    }

	    if (isQueryFragmentCharacter(ch)) {
	      output += ch;
	    } else {
	      const code = input.charCodeAt(i);
	      if (code < 0x80) {
	        output += isEscapeSafe(code) ? ch : BYTE_HEX[code];
	      } else if (code < 0xD800 || code > 0xDFFF) {
	        output += percentEncodeNonAscii(code);
	      } else if (code <= 0xDBFF && i + 1 < input.length) {
	        const low = input.charCodeAt(i + 1);
	        if (low >= 0xDC00 && low <= 0xDFFF) {
	          output += percentEncodeNonAscii(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00));
	          i++;
	        } else {
	          output += percentEncodeNonAscii(0xFFFD);
	        }
	      } else {
	        output += percentEncodeNonAscii(0xFFFD);
	      }
	    }
	  }

	  return output
	}

	/**
	 * Escapes a component while preserving existing valid percent escapes.
	 *
	 * @param {string} input
	 * @returns {string}
	 */
	function escapePreservingEscapes (input) {
	  let output = '';

	  for (let i = 0; i < input.length; i++) {
	    if (input[i] === '%' && i + 2 < input.length) {
	      const hex = input.slice(i + 1, i + 3);
	      if (isHexPair(hex)) {
	        output += '%' + hex.toUpperCase();
	        i += 2;
	        continue
	      }
	    }

	    output += escape(input[i]);
	  }

	  return output
	}

	/**
	 * @param {import('../types/index').URIComponent} component
	 * @returns {string|undefined}
	 */
	function recomposeAuthority (component) {
	  const uriTokens = [];

	  if (component.userinfo !== undefined) {
	    uriTokens.push(encodeUserinfo(component.userinfo));
	    uriTokens.push('@');
	  }

	  if (component.host !== undefined) {
	    let host = component.host;
	    if (!isIPv4(host)) {
	      let ipV6res = normalizeIPv6(host);
	      if (ipV6res.isIPV6 !== true && ipV6res.isIPVFuture !== true) {
	        // Decode only unreserved bytes, once. In particular, keep %25 encoded
	        // so it cannot introduce a second escape during recomposition.
	        host = normalizePercentEncoding(host, true);
	        ipV6res = normalizeIPv6(host);
	      }
	      if (ipV6res.isIPV6 === true || ipV6res.isIPVFuture === true) {
	        host = `[${ipV6res.escapedHost}]`;
	      } else {
	        host = reescapeHostDelimiters(host, false);
	      }
	    }
	    uriTokens.push(host);
	  }

	  if (typeof component.port === 'number' || typeof component.port === 'string') {
	    const port = String(component.port);
	    if (!isPort(port)) {
	      throw new TypeError('URI port is malformed.')
	    }
	    uriTokens.push(':');
	    uriTokens.push(port);
	  }

	  return uriTokens.length ? uriTokens.join('') : undefined
	}
	utils = {
	  nonSimpleDomain,
	  recomposeAuthority,
	  reescapeHostDelimiters,
	  normalizePercentEncoding,
	  normalizePathEncoding,
	  serializePathEncoding,
	  normalizeQueryFragmentEncoding,
	  encodeUserinfo,
	  encodeQuery,
	  encodeFragment,
	  escapePreservingEscapes,
	  removeDotSegments,
	  removeDotSegmentsRelative,
	  isIPv4,
	  isUUID,
	  normalizeIPv6,
	  stringArrayToHexStripped
	};
	return utils;
}

var schemes;
var hasRequiredSchemes;

function requireSchemes () {
	if (hasRequiredSchemes) return schemes;
	hasRequiredSchemes = 1;

	const { isUUID } = requireUtils();
	const URN_REG = /^([\da-z][\d\-a-z]{0,31}):((?:[\w!$'()*+,\-./:;=@]|%[\da-f]{2})+)$/iu;

	const supportedSchemeNames = /** @type {const} */ (['http', 'https', 'ws',
	  'wss', 'urn', 'urn:uuid']);

	/** @typedef {supportedSchemeNames[number]} SchemeName */

	/**
	 * @param {string} name
	 * @returns {name is SchemeName}
	 */
	function isValidSchemeName (name) {
	  return supportedSchemeNames.indexOf(/** @type {*} */ (name)) !== -1
	}

	/**
	 * @callback SchemeFn
	 * @param {import('../types/index').URIComponent} component
	 * @param {import('../types/index').Options} options
	 * @returns {import('../types/index').URIComponent}
	 */

	/**
	 * @typedef {Object} SchemeHandler
	 * @property {SchemeName} scheme - The scheme name.
	 * @property {boolean} [domainHost] - Indicates if the scheme supports domain hosts.
	 * @property {SchemeFn} parse - Function to parse the URI component for this scheme.
	 * @property {SchemeFn} serialize - Function to serialize the URI component for this scheme.
	 * @property {boolean} [skipNormalize] - Indicates if normalization should be skipped for this scheme.
	 * @property {boolean} [absolutePath] - Indicates if the scheme uses absolute paths.
	 * @property {boolean} [unicodeSupport] - Indicates if the scheme supports Unicode.
	 */

	/**
	 * @param {import('../types/index').URIComponent} wsComponent
	 * @returns {boolean}
	 */
	function wsIsSecure (wsComponent) {
	  if (wsComponent.secure === true) {
	    return true
	  } else if (wsComponent.secure === false) {
	    return false
	  } else if (wsComponent.scheme) {
	    return (
	      wsComponent.scheme.length === 3 &&
	      (wsComponent.scheme[0] === 'w' || wsComponent.scheme[0] === 'W') &&
	      (wsComponent.scheme[1] === 's' || wsComponent.scheme[1] === 'S') &&
	      (wsComponent.scheme[2] === 's' || wsComponent.scheme[2] === 'S')
	    )
	  } else {
	    return false
	  }
	}

	/** @type {SchemeFn} */
	function httpParse (component) {
	  if (!component.host) {
	    component.error = component.error || 'HTTP URIs must have a host.';
	  }

	  return component
	}

	/** @type {SchemeFn} */
	function httpSerialize (component) {
	  const secure = String(component.scheme).toLowerCase() === 'https';

	  // normalize the default port
	  if (component.port === (secure ? 443 : 80) || component.port === '') {
	    component.port = undefined;
	  }

	  // normalize the empty path
	  if (!component.path) {
	    component.path = '/';
	  }

	  // NOTE: We do not parse query strings for HTTP URIs
	  // as WWW Form Url Encoded query strings are part of the HTML4+ spec,
	  // and not the HTTP spec.

	  return component
	}

	/** @type {SchemeFn} */
	function wsParse (wsComponent) {
	// indicate if the secure flag is set
	  wsComponent.secure = wsIsSecure(wsComponent);

	  // construct resouce name
	  wsComponent.resourceName = (wsComponent.path || '/') + (wsComponent.query ? '?' + wsComponent.query : '');
	  wsComponent.path = undefined;
	  wsComponent.query = undefined;

	  return wsComponent
	}

	/** @type {SchemeFn} */
	function wsSerialize (wsComponent) {
	// normalize the default port
	  if (wsComponent.port === (wsIsSecure(wsComponent) ? 443 : 80) || wsComponent.port === '') {
	    wsComponent.port = undefined;
	  }

	  // ensure scheme matches secure flag
	  if (typeof wsComponent.secure === 'boolean') {
	    wsComponent.scheme = (wsComponent.secure ? 'wss' : 'ws');
	    wsComponent.secure = undefined;
	  }

	  // reconstruct path from resource name
	  if (wsComponent.resourceName) {
	    const queryIndex = wsComponent.resourceName.indexOf('?');
	    const path = queryIndex === -1
	      ? wsComponent.resourceName
	      : wsComponent.resourceName.slice(0, queryIndex);
	    wsComponent.path = (path && path !== '/' ? path : undefined);
	    wsComponent.query = queryIndex === -1
	      ? undefined
	      : wsComponent.resourceName.slice(queryIndex + 1);
	    wsComponent.resourceName = undefined;
	  }

	  // forbid fragment component
	  wsComponent.fragment = undefined;

	  return wsComponent
	}

	/** @type {SchemeFn} */
	function urnParse (urnComponent, options) {
	  if (!urnComponent.path) {
	    urnComponent.error = 'URN can not be parsed';
	    return urnComponent
	  }
	  const matches = urnComponent.path.match(URN_REG);
	  if (matches && matches[0] === urnComponent.path) {
	    const scheme = options.scheme || urnComponent.scheme || 'urn';
	    urnComponent.nid = matches[1].toLowerCase();
	    urnComponent.nss = matches[2];
	    const urnScheme = `${scheme}:${options.nid || urnComponent.nid}`;
	    const schemeHandler = getSchemeHandler(urnScheme);
	    urnComponent.path = undefined;

	    if (schemeHandler) {
	      urnComponent = schemeHandler.parse(urnComponent, options);
	    }
	  } else {
	    urnComponent.error = urnComponent.error || 'URN can not be parsed.';
	  }

	  return urnComponent
	}

	/** @type {SchemeFn} */
	function urnSerialize (urnComponent, options) {
	  if (urnComponent.nid === undefined) {
	    throw new Error('URN without nid cannot be serialized')
	  }
	  const scheme = options.scheme || urnComponent.scheme || 'urn';
	  const nid = urnComponent.nid.toLowerCase();
	  const urnScheme = `${scheme}:${options.nid || nid}`;
	  const schemeHandler = getSchemeHandler(urnScheme);

	  if (schemeHandler) {
	    urnComponent = schemeHandler.serialize(urnComponent, options);
	  }

	  const uriComponent = urnComponent;
	  const nss = urnComponent.nss;
	  uriComponent.path = `${nid || options.nid}:${nss}`;

	  options.skipEscape = true;
	  return uriComponent
	}

	/** @type {SchemeFn} */
	function urnuuidParse (urnComponent, options) {
	  const uuidComponent = urnComponent;
	  uuidComponent.uuid = uuidComponent.nss;
	  uuidComponent.nss = undefined;

	  if (!options.tolerant && (!uuidComponent.uuid || !isUUID(uuidComponent.uuid))) {
	    uuidComponent.error = uuidComponent.error || 'UUID is not valid.';
	  }

	  return uuidComponent
	}

	/** @type {SchemeFn} */
	function urnuuidSerialize (uuidComponent) {
	  const urnComponent = uuidComponent;
	  // normalize UUID
	  urnComponent.nss = (uuidComponent.uuid || '').toLowerCase();
	  return urnComponent
	}

	const http = /** @type {SchemeHandler} */ ({
	  scheme: 'http',
	  domainHost: true,
	  parse: httpParse,
	  serialize: httpSerialize
	});

	const https = /** @type {SchemeHandler} */ ({
	  scheme: 'https',
	  domainHost: http.domainHost,
	  parse: httpParse,
	  serialize: httpSerialize
	});

	const ws = /** @type {SchemeHandler} */ ({
	  scheme: 'ws',
	  domainHost: true,
	  parse: wsParse,
	  serialize: wsSerialize
	});

	const wss = /** @type {SchemeHandler} */ ({
	  scheme: 'wss',
	  domainHost: ws.domainHost,
	  parse: ws.parse,
	  serialize: ws.serialize
	});

	const urn = /** @type {SchemeHandler} */ ({
	  scheme: 'urn',
	  parse: urnParse,
	  serialize: urnSerialize,
	  skipNormalize: true
	});

	const urnuuid = /** @type {SchemeHandler} */ ({
	  scheme: 'urn:uuid',
	  parse: urnuuidParse,
	  serialize: urnuuidSerialize,
	  skipNormalize: true
	});

	const SCHEMES = /** @type {Record<SchemeName, SchemeHandler>} */ ({
	  http,
	  https,
	  ws,
	  wss,
	  urn,
	  'urn:uuid': urnuuid
	});

	Object.setPrototypeOf(SCHEMES, null);

	/**
	 * @param {string|undefined} scheme
	 * @returns {SchemeHandler|undefined}
	 */
	function getSchemeHandler (scheme) {
	  return (
	    scheme && (
	      SCHEMES[/** @type {SchemeName} */ (scheme)] ||
	      SCHEMES[/** @type {SchemeName} */(scheme.toLowerCase())])
	  ) ||
	    undefined
	}

	schemes = {
	  wsIsSecure,
	  SCHEMES,
	  isValidSchemeName,
	  getSchemeHandler,
	};
	return schemes;
}

var hasRequiredFastUri;

function requireFastUri () {
	if (hasRequiredFastUri) return fastUri.exports;
	hasRequiredFastUri = 1;

	const { normalizeIPv6, removeDotSegments, removeDotSegmentsRelative, recomposeAuthority, normalizePercentEncoding, normalizePathEncoding, serializePathEncoding, normalizeQueryFragmentEncoding, encodeQuery, encodeFragment, reescapeHostDelimiters, isIPv4, nonSimpleDomain } = requireUtils();
	const { SCHEMES, getSchemeHandler } = requireSchemes();

	const VALID_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/u;
	const MALFORMED_SCHEME_ERROR = 'URI scheme is malformed.';
	const MALFORMED_HOST_ERROR = 'URI host is malformed.';
	// ASCII characters outside the RFC 3986 reg-name set (unreserved, sub-delims
	// and "%" for pct-encoded): C0 controls, space, DEL, and "#/:<>?@[\]^`{|}.
	const FORBIDDEN_DOMAIN_HOST_CHARACTER = /[\0-\x20"#/:<>?@[\\\]^`{|}\x7F]/u;

	/**
	 * RFC 3986 section 3.1 does not allow percent-encoding in a scheme, so the
	 * scheme is validated as-is and never decoded. Decoding would let inert input
	 * such as `%6Aavascript:` become a live `javascript:` scheme.
	 *
	 * @param {string} scheme
	 * @returns {string}
	 */
	function validateScheme (scheme) {
	  const stringScheme = String(scheme);
	  if (!VALID_SCHEME.test(stringScheme)) {
	    throw new TypeError(MALFORMED_SCHEME_ERROR)
	  }
	  return stringScheme
	}

	/**
	 * @template {import('./types/index').URIComponent|string} T
	 * @param {T} uri
	 * @param {import('./types/index').Options} [options]
	 * @returns {T}
	 */
	function normalize (uri, options) {
	  if (typeof uri === 'string') {
	    uri = /** @type {T} */ (normalizeString(uri, options));
	  } else if (typeof uri === 'object') {
	    uri = /** @type {T} */ (parse(serialize(uri, options), options));
	  }
	  return uri
	}

	/**
	 * @param {string} baseURI
	 * @param {string} relativeURI
	 * @param {import('./types/index').Options} [options]
	 * @returns {string}
	 */
	function resolve (baseURI, relativeURI, options) {
	  const schemelessOptions = options ? Object.assign({ scheme: 'null' }, options) : { scheme: 'null' };
	  const {
	    parsed: baseParsed,
	    malformedAuthorityOrPort: baseMalformed,
	    malformedPercentEncoding: baseMalformedPercentEncoding,
	    malformedSchemeSpecific: baseMalformedSchemeSpecific,
	    malformedHost: baseMalformedHost,
	    malformedScheme: baseMalformedScheme
	  } = parseWithStatus(baseURI, schemelessOptions);
	  const {
	    parsed: relativeParsed,
	    malformedAuthorityOrPort: relativeMalformed,
	    malformedPercentEncoding: relativeMalformedPercentEncoding,
	    malformedSchemeSpecific: relativeMalformedSchemeSpecific,
	    malformedHost: relativeMalformedHost,
	    malformedScheme: relativeMalformedScheme
	  } = parseWithStatus(relativeURI, schemelessOptions);
	  if (
	    baseMalformed ||
	    relativeMalformed ||
	    baseMalformedPercentEncoding ||
	    relativeMalformedPercentEncoding ||
	    baseMalformedSchemeSpecific ||
	    relativeMalformedSchemeSpecific ||
	    baseMalformedHost ||
	    relativeMalformedHost ||
	    baseMalformedScheme ||
	    relativeMalformedScheme
	  ) {
	    throw new Error(baseParsed.error || relativeParsed.error || 'URI is malformed.')
	  }
	  const resolved = resolveComponent(baseParsed, relativeParsed, schemelessOptions, true);
	  const resolvedSchemeHandler = getSchemeHandler((options && options.scheme) || resolved.scheme);
	  const resolvedHost = resolved.host;
	  const resolvedHostIsIP = resolvedHost !== undefined && resolvedHost !== '' &&
	    (isIPv4(resolvedHost) || normalizeIPv6(resolvedHost).isIPV6);
	  // Inputs are parsed scheme-neutrally, so delimiters and controls in a domain
	  // host are only detected here, once the final scheme is known. They always
	  // fail closed, including in percent-encoded hosts.
	  if (hasForbiddenDomainHost(resolved, options || {}, resolvedSchemeHandler, resolvedHostIsIP)) {
	    throw new Error(MALFORMED_HOST_ERROR)
	  }
	  canonicalizeHost(resolved, options || {}, resolvedSchemeHandler, resolvedHostIsIP);
	  // Percent escapes in an ASCII reg-name are encoded data. The WHATWG hostname
	  // parser can reject them even though fast-uri preserves them safely as RFC
	  // 3986 data. A raw non-ASCII host must still fail closed if conversion fails.
	  const encodedASCIIHost = resolvedHost && resolvedHost.indexOf('%') !== -1 &&
	    !/\P{ASCII}/u.test(resolvedHost);
	  if (resolved.error && !encodedASCIIHost) {
	    throw new Error(resolved.error)
	  }
	  schemelessOptions.skipEscape = true;
	  return serialize(resolved, schemelessOptions)
	}

	/**
	 * @param {import ('./types/index').URIComponent} base
	 * @param {import ('./types/index').URIComponent} relative
	 * @param {import('./types/index').Options} [options]
	 * @param {boolean} [skipNormalization=false]
	 * @returns {import ('./types/index').URIComponent}
	 */
	function resolveComponent (base, relative, options, skipNormalization) {
	  /** @type {import('./types/index').URIComponent} */
	  const target = {};
	  if (!skipNormalization) {
	    base = parse(serialize(base, options), options); // normalize base component
	    relative = parse(serialize(relative, options), options); // normalize relative component
	  }
	  options = options || {};

	  if (!options.tolerant && relative.scheme) {
	    target.scheme = relative.scheme;
	    // target.authority = relative.authority;
	    target.userinfo = relative.userinfo;
	    target.host = relative.host;
	    target.port = relative.port;
	    target.path = removeDotSegments(relative.path || '');
	    target.query = relative.query;
	  } else {
	    if (relative.userinfo !== undefined || relative.host !== undefined || relative.port !== undefined) {
	      // target.authority = relative.authority;
	      target.userinfo = relative.userinfo;
	      target.host = relative.host;
	      target.port = relative.port;
	      target.path = removeDotSegments(relative.path || '');
	      target.query = relative.query;
	    } else {
	      if (!relative.path) {
	        target.path = base.path;
	        if (relative.query !== undefined) {
	          target.query = relative.query;
	        } else {
	          target.query = base.query;
	        }
	      } else {
	        if (relative.path[0] === '/') {
	          target.path = removeDotSegments(relative.path);
	        } else {
	          const baseHasAuthority = base.userinfo !== undefined || base.host !== undefined || base.port !== undefined;
	          if (baseHasAuthority && !base.path) {
	            target.path = '/' + relative.path;
	          } else if (!base.path) {
	            target.path = relative.path;
	          } else {
	            target.path = base.path.slice(0, base.path.lastIndexOf('/') + 1) + relative.path;
	          }
	          target.path = base.scheme === undefined && !baseHasAuthority && target.path[0] !== '/'
	            ? removeDotSegmentsRelative(target.path)
	            : removeDotSegments(target.path);
	        }
	        target.query = relative.query;
	      }
	      // target.authority = base.authority;
	      target.userinfo = base.userinfo;
	      target.host = base.host;
	      target.port = base.port;
	    }
	    target.scheme = base.scheme;
	  }

	  target.fragment = relative.fragment;

	  return target
	}

	/**
	 * @param {import ('./types/index').URIComponent|string} uriA
	 * @param {import ('./types/index').URIComponent|string} uriB
	 * @param {import ('./types/index').Options} options
	 * @returns {boolean}
	 */
	function equal (uriA, uriB, options) {
	  const normalizedA = normalizeComparableURI(uriA, options);
	  const normalizedB = normalizeComparableURI(uriB, options);

	  return normalizedA !== undefined && normalizedB !== undefined && normalizedA === normalizedB
	}

	/**
	 * @param {Readonly<import('./types/index').URIComponent>} cmpts
	 * @param {import('./types/index').Options} [opts]
	 * @returns {string}
	 */
	function serialize (cmpts, opts) {
	  const component = {
	    host: cmpts.host,
	    scheme: cmpts.scheme,
	    userinfo: cmpts.userinfo,
	    port: cmpts.port,
	    path: cmpts.path,
	    query: cmpts.query,
	    nid: cmpts.nid,
	    nss: cmpts.nss,
	    uuid: cmpts.uuid,
	    fragment: cmpts.fragment,
	    reference: cmpts.reference,
	    resourceName: cmpts.resourceName,
	    secure: cmpts.secure,
	    error: ''
	  };
	  const options = Object.assign({}, opts);
	  const uriTokens = [];

	  if (component.scheme) {
	    component.scheme = validateScheme(component.scheme);
	  }

	  // find scheme handler
	  const schemeHandler = getSchemeHandler(options.scheme || component.scheme);

	  // perform scheme specific serialization
	  if (schemeHandler && schemeHandler.serialize) schemeHandler.serialize(component, options);

	  const hasAuthority = component.userinfo !== undefined || component.host !== undefined || component.port !== undefined;
	  // A reference with no emitted scheme is path-noscheme: a bare ':' in its
	  // first path segment would reparse as a scheme (RFC 3986 3.3/4.2). Enforced
	  // under skipEscape too (resolve()), so the reapply below gates on this flag.
	  const schemelessReference = (component.scheme === undefined || options.reference === 'suffix') && !hasAuthority;
	  const pathNoScheme = !options.skipEscape && schemelessReference;

	  if (component.path !== undefined) {
	    if (!options.skipEscape) {
	      component.path = serializePathEncoding(component.path, pathNoScheme);
	    } else {
	      component.path = normalizePercentEncoding(component.path);
	    }
	  }

	  if (options.reference !== 'suffix' && component.scheme) {
	    // Scheme handlers may replace the scheme during serialization.
	    component.scheme = validateScheme(component.scheme);
	    uriTokens.push(component.scheme, ':');
	  }

	  const authority = recomposeAuthority(component);
	  if (authority !== undefined) {
	    if (options.reference !== 'suffix') {
	      uriTokens.push('//');
	    }

	    uriTokens.push(authority);

	    if (component.path && component.path[0] !== '/') {
	      uriTokens.push('/');
	    }
	  }
	  if (component.path !== undefined) {
	    let s = component.path;

	    if (!options.absolutePath && (!schemeHandler || !schemeHandler.absolutePath)) {
	      // A relative-path reference keeps its unresolvable leading ".." segments
	      // and must never become root-relative (RFC 3986 section 5.2.4 applies to
	      // merged target paths, not to the reference itself).
	      s = schemelessReference && s[0] !== '/'
	        ? removeDotSegmentsRelative(s)
	        : removeDotSegments(s);
	    }

	    // Dot-segment removal can expose a colon that was not originally in the
	    // first segment (for example, "./a:b"). Reapply path-noscheme encoding so
	    // the serialized relative reference cannot be reparsed as a URI scheme.
	    if (schemelessReference) {
	      s = serializePathEncoding(s, true);
	    }

	    if (
	      authority === undefined &&
	      s[0] === '/' &&
	      s[1] === '/'
	    ) {
	      // don't allow the path to start with "//"
	      s = '/%2F' + s.slice(2);
	    }

	    uriTokens.push(s);
	  }

	  if (component.query !== undefined) {
	    uriTokens.push('?', encodeQuery(component.query));
	  }

	  if (component.fragment !== undefined) {
	    uriTokens.push('#', encodeFragment(component.fragment));
	  }
	  return uriTokens.join('')
	}

	const URI_PARSE = /^(?:([^#/:?]+):)?(?:\/\/((?:([^#/?@]*)@)?(\[[^#/?\]]+\]|[^#/:?]*)(?::(\d*))?))?([^#?]*)(?:\?([^#]*))?(?:#((?:.|[\n\r])*))?/u;

	// Captures the authority component (between "//" and the next "/", "?" or "#"),
	// with or without a scheme prefix, for the literal-backslash rejection below.
	const AUTHORITY_PREFIX = /^(?:[^#/:?]+:)?\/\/([^/?#]*)/;

	// Captures the leading authority-introducer region after an optional scheme: a
	// run of forward slashes, backslashes, and the characters the WHATWG URL parser
	// removes before parsing (TAB U+0009, LF U+000A, CR U+000D). A valid introducer
	// is exactly "//". Node treats "\" as "/" on special schemes and strips those
	// characters first, so forms like "\\", "/\", "\/", "/<TAB>/", or a leading
	// "<TAB>//" reach an authority in Node while fast-uri's URI_PARSE folds them into
	// the path group (host confusion / SSRF / redirect bypass).
	const AUTHORITY_INTRODUCER_REGION = /^(?:[^#/:?]+:)?([/\\\t\n\r]*)/;

	/**
	 * @param {import('./types/index').URIComponent} parsed
	 * @param {RegExpMatchArray} matches
	 * @returns {string|undefined}
	 */
	function getParseError (parsed, matches) {
	  if (matches[2] !== undefined && parsed.path && parsed.path[0] !== '/') {
	    return 'URI path must start with "/" when authority is present.'
	  }

	  if (typeof parsed.port === 'number' && (parsed.port < 0 || parsed.port > 65535)) {
	    return 'URI port is malformed.'
	  }

	  return undefined
	}

	/**
	 * Checks percent syntax without decoding the represented octets. RFC 3986
	 * percent-encoding is byte-oriented, so sequences such as `%FF` are valid even
	 * though they are not independently valid UTF-8.
	 *
	 * @param {string|undefined} component
	 * @returns {boolean}
	 */
	function hasMalformedPercentEncoding (component) {
	  if (component === undefined) return false

	  let percent = component.indexOf('%');
	  while (percent !== -1) {
	    if (percent + 2 >= component.length || !/^[\da-f]{2}$/iu.test(component.slice(percent + 1, percent + 3))) {
	      return true
	    }
	    percent = component.indexOf('%', percent + 3);
	  }

	  return false
	}

	/**
	 * Whether the host is a bracketed IP literal (RFC 3986 `IP-literal`).
	 * An unterminated `[` is not a literal, so it must still be validated as a
	 * reg-name instead of being waved through as an IP.
	 *
	 * @param {string} host
	 * @returns {boolean}
	 */
	function isIPLiteral (host) {
	  return host[0] === '[' && host[host.length - 1] === ']'
	}

	/**
	 * @param {RegExpMatchArray} matches
	 * @returns {boolean}
	 */
	function hasMalformedComponentPercentEncoding (matches) {
	  // Bracketed IP literals use a raw "%" as the zone separator for historical
	  // compatibility. Their parsing is intentionally left to normalizeIPv6.
	  const host = matches[4];
	  return hasMalformedPercentEncoding(matches[3]) ||
	    (host !== undefined && !isIPLiteral(host) && hasMalformedPercentEncoding(host)) ||
	    hasMalformedPercentEncoding(matches[6]) ||
	    hasMalformedPercentEncoding(matches[7]) ||
	    hasMalformedPercentEncoding(matches[8])
	}

	/**
	 * @param {import('./types/index').URIComponent} parsed
	 * @param {import('./types/index').Options} options
	 * @param {{ domainHost?: boolean, unicodeSupport?: boolean }|undefined} schemeHandler
	 * @param {boolean} isIP
	 * @returns {boolean} whether host conversion failed
	 */
	function canonicalizeHost (parsed, options, schemeHandler, isIP) {
	  if (hasForbiddenDomainHost(parsed, options, schemeHandler, isIP)) {
	    parsed.error = parsed.error || MALFORMED_HOST_ERROR;
	    return true
	  }

	  if (
	    !options.unicodeSupport &&
	    (!schemeHandler || !schemeHandler.unicodeSupport) &&
	    parsed.host &&
	    !isIPLiteral(parsed.host) &&
	    (options.domainHost || (schemeHandler && schemeHandler.domainHost)) &&
	    isIP === false &&
	    nonSimpleDomain(parsed.host)
	  ) {
	    let url;
	    try {
	      url = new URL('http://' + parsed.host);
	    } catch (e) {
	      parsed.error = parsed.error || "Host's domain name can not be converted to ASCII: " + e;
	      return true
	    }
	    // The WHATWG parser must have read the whole input as a host. Anything
	    // else means it found a delimiter fast-uri did not, so its hostname would
	    // describe a different authority.
	    if (!isHostOnlyURL(url)) {
	      parsed.error = parsed.error || MALFORMED_HOST_ERROR;
	      return true
	    }
	    parsed.host = url.hostname;
	  }
	  return false
	}

	/**
	 * Whether a domain host contains an ASCII character that RFC 3986 does not
	 * allow in a reg-name (unreserved, sub-delims, or pct-encoded). Such a host is
	 * rejected instead of being handed to the WHATWG URL parser, which would treat
	 * "@" as a userinfo delimiter (silently dropping the data before it) and strip
	 * TAB, LF, and CR. Non-ASCII characters remain allowed for IDNs.
	 *
	 * @param {import('./types/index').URIComponent} parsed
	 * @param {import('./types/index').Options} options
	 * @param {{ domainHost?: boolean }|undefined} schemeHandler
	 * @param {boolean} isIP
	 * @returns {boolean}
	 */
	function hasForbiddenDomainHost (parsed, options, schemeHandler, isIP) {
	  return Boolean(
	    parsed.host &&
	    isIP === false &&
	    !isIPLiteral(parsed.host) &&
	    (options.domainHost || (schemeHandler && schemeHandler.domainHost)) &&
	    FORBIDDEN_DOMAIN_HOST_CHARACTER.test(parsed.host)
	  )
	}

	/**
	 * @param {URL} url
	 * @returns {boolean}
	 */
	function isHostOnlyURL (url) {
	  return url.username === '' &&
	    url.password === '' &&
	    url.port === '' &&
	    url.pathname === '/' &&
	    url.search === '' &&
	    url.hash === '' &&
	    url.hostname !== ''
	}

	/**
	 * @param {string} uri
	 * @param {import('./types/index').Options} [opts]
	 * @returns {{ parsed: import('./types/index').URIComponent, malformedAuthorityOrPort: boolean, malformedPercentEncoding: boolean, malformedSchemeSpecific: boolean, malformedHost: boolean, malformedScheme: boolean }}
	 */
	function parseWithStatus (uri, opts) {
	  const options = Object.assign({}, opts);
	  /** @type {import('./types/index').URIComponent} */
	  const parsed = {
	    scheme: undefined,
	    userinfo: undefined,
	    host: '',
	    port: undefined,
	    path: '',
	    query: undefined,
	    fragment: undefined
	  };

	  let malformedAuthorityOrPort = false;
	  let malformedPercentEncoding = false;
	  let malformedSchemeSpecific = false;
	  let malformedHost = false;
	  let malformedIPLiteral = false;
	  let malformedScheme = false;

	  let isIP = false;
	  if (options.reference === 'suffix') {
	    if (options.scheme) {
	      uri = options.scheme + ':' + uri;
	    } else {
	      uri = '//' + uri;
	    }
	  }

	  // A literal backslash (U+005C) is not a valid RFC 3986 URI character and is
	  // not an authority delimiter. Reject it in the authority rather than
	  // rewriting it: normalizing "\" -> "/" (WHATWG error recovery) could silently
	  // change the resource identified by an otherwise-invalid input, and lets "\"
	  // act as a host delimiter here while Node's native URL parses a different
	  // host (SSRF / redirect / origin-allowlist bypass). Percent-encoded %5C is
	  // untouched and remains valid encoded data.
	  const authorityMatch = uri.match(AUTHORITY_PREFIX);
	  if (authorityMatch !== null && authorityMatch[1].indexOf('\\') !== -1) {
	    parsed.error = 'URI authority must not contain a literal backslash.';
	    malformedAuthorityOrPort = true;
	  }

	  // Reject a malformed or whitespace-smuggled authority introducer. fast-uri
	  // only recognizes a literal "//"; anything else in the leading separator run
	  // (a backslash, or a "//" that appears only after removing the TAB/LF/CR that
	  // Node strips) means the authority fast-uri parses differs from the one Node's
	  // URL resolves. Reject rather than rewrite, mirroring the literal-backslash
	  // guard above. Percent-encoded forms (%5C, %09) are untouched, valid data.
	  const introducerMatch = uri.match(AUTHORITY_INTRODUCER_REGION);
	  if (introducerMatch !== null) {
	    const region = introducerMatch[1];
	    const normalizedRegion = region.replace(/[\t\n\r]/g, '');
	    // Two or more leading separators introduce an authority.
	    if (normalizedRegion.length >= 2) {
	      if (normalizedRegion.slice(0, 2) !== '//') {
	        parsed.error = parsed.error || 'URI authority must not contain a literal backslash.';
	        malformedAuthorityOrPort = true;
	      } else if (region.length !== normalizedRegion.length) {
	        parsed.error = parsed.error || 'URI authority introducer must not contain whitespace.';
	        malformedAuthorityOrPort = true;
	      }
	    }
	  }

	  const matches = uri.match(URI_PARSE);

	  if (matches) {
	    // store each component
	    parsed.scheme = matches[1];
	    parsed.userinfo = matches[3];
	    parsed.host = matches[4];
	    parsed.port = parseInt(matches[5], 10);
	    parsed.path = matches[6] || '';
	    parsed.query = matches[7];
	    parsed.fragment = matches[8];

	    if (parsed.scheme !== undefined) {
	      if (VALID_SCHEME.test(parsed.scheme)) {
	        parsed.scheme = parsed.scheme.toLowerCase();
	      } else {
	        parsed.error = parsed.error || MALFORMED_SCHEME_ERROR;
	        malformedScheme = true;
	      }
	    }

	    malformedPercentEncoding = hasMalformedComponentPercentEncoding(matches);
	    if (malformedPercentEncoding) {
	      parsed.error = parsed.error || 'URI contains malformed percent-encoding.';
	    }

	    // fix port number
	    if (isNaN(parsed.port)) {
	      parsed.port = matches[5];
	    }

	    const parseError = getParseError(parsed, matches);
	    if (parseError !== undefined) {
	      parsed.error = parsed.error || parseError;
	      malformedAuthorityOrPort = true;
	    }

	    if (parsed.host) {
	      const ipv4result = isIPv4(parsed.host);
	      if (ipv4result === false) {
	        const bracketedIPLiteral = isIPLiteral(parsed.host);
	        const hasIPLiteralBracket = parsed.host.indexOf('[') !== -1 || parsed.host.indexOf(']') !== -1;
	        const ipv6result = normalizeIPv6(parsed.host);
	        isIP = ipv6result.isIPV6 || ipv6result.isIPVFuture === true;
	        malformedIPLiteral = hasIPLiteralBracket && (!bracketedIPLiteral || ipv6result.error === true);
	        parsed.host = isIP ? ipv6result.host : ipv6result.host.toLowerCase();

	        if (malformedIPLiteral) {
	          parsed.error = parsed.error || MALFORMED_HOST_ERROR;
	          malformedAuthorityOrPort = true;
	        }
	      } else {
	        isIP = true;
	      }
	    }
	    if (parsed.scheme === undefined && parsed.userinfo === undefined && parsed.host === undefined && parsed.port === undefined && parsed.query === undefined && !parsed.path) {
	      parsed.reference = 'same-document';
	    } else if (parsed.scheme === undefined) {
	      parsed.reference = 'relative';
	    } else if (parsed.fragment === undefined) {
	      parsed.reference = 'absolute';
	    } else {
	      parsed.reference = 'uri';
	    }

	    // check for reference errors
	    if (options.reference && options.reference !== 'suffix' && options.reference !== parsed.reference) {
	      parsed.error = parsed.error || 'URI is not a ' + options.reference + ' reference.';
	    }

	    // find scheme handler
	    const schemeHandler = getSchemeHandler(options.scheme || parsed.scheme);

	    // convert Unicode IDN -> ASCII IDN when the effective scheme uses domain hosts
	    if (!malformedIPLiteral) {
	      malformedHost = canonicalizeHost(parsed, options, schemeHandler, isIP);
	    }

	    if (uri.indexOf('%') !== -1 && parsed.host !== undefined && !malformedIPLiteral) {
	      let host = isIP ? parsed.host : normalizePercentEncoding(parsed.host, true);
	      if (!isIP) {
	        // Fold reg-name case after decoding unreserved octets. The second
	        // pass only restores uppercase hex in escapes that remain encoded.
	        host = normalizePercentEncoding(host.toLowerCase());
	      }
	      // Resolution parses both inputs with the internal `null` scheme before
	      // the effective scheme is known. Keep raw host delimiters for that step
	      // so resolve() can reject them for domain-host schemes; the resolved
	      // authority is encoded when it is serialized.
	      parsed.host = isIP || options.scheme !== 'null' ? reescapeHostDelimiters(host, isIP) : host;
	    }

	    if (!schemeHandler || (schemeHandler && !schemeHandler.skipNormalize)) {
	      if (parsed.path) {
	        parsed.path = normalizePathEncoding(parsed.path);
	      }
	      if (parsed.query) {
	        parsed.query = normalizeQueryFragmentEncoding(parsed.query);
	      }
	      if (parsed.fragment) {
	        parsed.fragment = normalizeQueryFragmentEncoding(parsed.fragment);
	      }
	    }

	    // perform scheme specific parsing
	    if (schemeHandler && schemeHandler.parse) {
	      schemeHandler.parse(parsed, options);
	      if (schemeHandler === SCHEMES.urn && parsed.nid === undefined) {
	        malformedSchemeSpecific = true;
	      }
	    }
	  } else {
	    parsed.error = parsed.error || 'URI can not be parsed.';
	  }
	  return { parsed, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme }
	}

	/**
	 * @param {string} uri
	 * @param {import('./types/index').Options} [opts]
	 * @returns
	 */
	function parse (uri, opts) {
	  return parseWithStatus(uri, opts).parsed
	}

	/**
	 * @param {string} uri
	 * @param {import('./types/index').Options} [opts]
	 * @returns {string}
	 */
	function normalizeString (uri, opts) {
	  return normalizeStringWithStatus(uri, opts).normalized
	}

	/**
	 * @param {string} uri
	 * @param {import('./types/index').Options} [opts]
	 * @returns {{ normalized: string, malformedAuthorityOrPort: boolean, malformedPercentEncoding: boolean, malformedSchemeSpecific: boolean, malformedHost: boolean, malformedScheme: boolean }}
	 */
	function normalizeStringWithStatus (uri, opts) {
	  const { parsed, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme } = parseWithStatus(uri, opts);
	  return {
	    normalized: malformedAuthorityOrPort || malformedPercentEncoding || malformedSchemeSpecific || malformedHost || malformedScheme ? uri : serialize(parsed, opts),
	    malformedAuthorityOrPort,
	    malformedPercentEncoding,
	    malformedSchemeSpecific,
	    malformedHost,
	    malformedScheme
	  }
	}

	/**
	 * @param {import ('./types/index').URIComponent|string} uri
	 * @param {import('./types/index').Options} [opts]
	 * @returns {string|undefined}
	 */
	function normalizeComparableURI (uri, opts) {
	  if (typeof uri !== 'string' && typeof uri !== 'object') {
	    return undefined
	  }

	  let value;
	  try {
	    value = typeof uri === 'string' ? uri : serialize(uri, opts);
	  } catch {
	    return undefined
	  }
	  const { normalized, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme } = normalizeStringWithStatus(value, opts);
	  return malformedAuthorityOrPort || malformedPercentEncoding || malformedSchemeSpecific || malformedHost || malformedScheme ? undefined : normalized
	}

	const fastUri$1 = {
	  SCHEMES,
	  normalize,
	  resolve,
	  resolveComponent,
	  equal,
	  serialize,
	  parse
	};

	fastUri.exports = fastUri$1;
	fastUri.exports.default = fastUri$1;
	fastUri.exports.fastUri = fastUri$1;
	return fastUri.exports;
}

var hasRequiredUri;

function requireUri () {
	if (hasRequiredUri) return uri;
	hasRequiredUri = 1;
	Object.defineProperty(uri, "__esModule", { value: true });
	const uri$1 = requireFastUri();
	uri$1.code = 'require("ajv/dist/runtime/uri").default';
	uri.default = uri$1;
	
	return uri;
}

var hasRequiredCore$1;

function requireCore$1 () {
	if (hasRequiredCore$1) return core$1;
	hasRequiredCore$1 = 1;
	(function (exports) {
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.CodeGen = exports.Name = exports.nil = exports.stringify = exports.str = exports._ = exports.KeywordCxt = void 0;
		var validate_1 = /*@__PURE__*/ requireValidate();
		Object.defineProperty(exports, "KeywordCxt", { enumerable: true, get: function () { return validate_1.KeywordCxt; } });
		var codegen_1 = /*@__PURE__*/ requireCodegen();
		Object.defineProperty(exports, "_", { enumerable: true, get: function () { return codegen_1._; } });
		Object.defineProperty(exports, "str", { enumerable: true, get: function () { return codegen_1.str; } });
		Object.defineProperty(exports, "stringify", { enumerable: true, get: function () { return codegen_1.stringify; } });
		Object.defineProperty(exports, "nil", { enumerable: true, get: function () { return codegen_1.nil; } });
		Object.defineProperty(exports, "Name", { enumerable: true, get: function () { return codegen_1.Name; } });
		Object.defineProperty(exports, "CodeGen", { enumerable: true, get: function () { return codegen_1.CodeGen; } });
		const validation_error_1 = /*@__PURE__*/ requireValidation_error();
		const ref_error_1 = /*@__PURE__*/ requireRef_error();
		const rules_1 = /*@__PURE__*/ requireRules();
		const compile_1 = /*@__PURE__*/ requireCompile();
		const codegen_2 = /*@__PURE__*/ requireCodegen();
		const resolve_1 = /*@__PURE__*/ requireResolve();
		const dataType_1 = /*@__PURE__*/ requireDataType();
		const util_1 = /*@__PURE__*/ requireUtil();
		const $dataRefSchema = require$$9;
		const uri_1 = /*@__PURE__*/ requireUri();
		const defaultRegExp = (str, flags) => new RegExp(str, flags);
		defaultRegExp.code = "new RegExp";
		const META_IGNORE_OPTIONS = ["removeAdditional", "useDefaults", "coerceTypes"];
		const EXT_SCOPE_NAMES = new Set([
		    "validate",
		    "serialize",
		    "parse",
		    "wrapper",
		    "root",
		    "schema",
		    "keyword",
		    "pattern",
		    "formats",
		    "validate$data",
		    "func",
		    "obj",
		    "Error",
		]);
		const removedOptions = {
		    errorDataPath: "",
		    format: "`validateFormats: false` can be used instead.",
		    nullable: '"nullable" keyword is supported by default.',
		    jsonPointers: "Deprecated jsPropertySyntax can be used instead.",
		    extendRefs: "Deprecated ignoreKeywordsWithRef can be used instead.",
		    missingRefs: "Pass empty schema with $id that should be ignored to ajv.addSchema.",
		    processCode: "Use option `code: {process: (code, schemaEnv: object) => string}`",
		    sourceCode: "Use option `code: {source: true}`",
		    strictDefaults: "It is default now, see option `strict`.",
		    strictKeywords: "It is default now, see option `strict`.",
		    uniqueItems: '"uniqueItems" keyword is always validated.',
		    unknownFormats: "Disable strict mode or pass `true` to `ajv.addFormat` (or `formats` option).",
		    cache: "Map is used as cache, schema object as key.",
		    serialize: "Map is used as cache, schema object as key.",
		    ajvErrors: "It is default now.",
		};
		const deprecatedOptions = {
		    ignoreKeywordsWithRef: "",
		    jsPropertySyntax: "",
		    unicode: '"minLength"/"maxLength" account for unicode characters by default.',
		};
		const MAX_EXPRESSION = 200;
		// eslint-disable-next-line complexity
		function requiredOptions(o) {
		    var _a, _b, _c, _d, _e, _f, _g, _h, _j, _k, _l, _m, _o, _p, _q, _r, _s, _t, _u, _v, _w, _x, _y, _z, _0;
		    const s = o.strict;
		    const _optz = (_a = o.code) === null || _a === void 0 ? void 0 : _a.optimize;
		    const optimize = _optz === true || _optz === undefined ? 1 : _optz || 0;
		    const regExp = (_c = (_b = o.code) === null || _b === void 0 ? void 0 : _b.regExp) !== null && _c !== void 0 ? _c : defaultRegExp;
		    const uriResolver = (_d = o.uriResolver) !== null && _d !== void 0 ? _d : uri_1.default;
		    return {
		        strictSchema: (_f = (_e = o.strictSchema) !== null && _e !== void 0 ? _e : s) !== null && _f !== void 0 ? _f : true,
		        strictNumbers: (_h = (_g = o.strictNumbers) !== null && _g !== void 0 ? _g : s) !== null && _h !== void 0 ? _h : true,
		        strictTypes: (_k = (_j = o.strictTypes) !== null && _j !== void 0 ? _j : s) !== null && _k !== void 0 ? _k : "log",
		        strictTuples: (_m = (_l = o.strictTuples) !== null && _l !== void 0 ? _l : s) !== null && _m !== void 0 ? _m : "log",
		        strictRequired: (_p = (_o = o.strictRequired) !== null && _o !== void 0 ? _o : s) !== null && _p !== void 0 ? _p : false,
		        code: o.code ? { ...o.code, optimize, regExp } : { optimize, regExp },
		        loopRequired: (_q = o.loopRequired) !== null && _q !== void 0 ? _q : MAX_EXPRESSION,
		        loopEnum: (_r = o.loopEnum) !== null && _r !== void 0 ? _r : MAX_EXPRESSION,
		        meta: (_s = o.meta) !== null && _s !== void 0 ? _s : true,
		        messages: (_t = o.messages) !== null && _t !== void 0 ? _t : true,
		        inlineRefs: (_u = o.inlineRefs) !== null && _u !== void 0 ? _u : true,
		        schemaId: (_v = o.schemaId) !== null && _v !== void 0 ? _v : "$id",
		        addUsedSchema: (_w = o.addUsedSchema) !== null && _w !== void 0 ? _w : true,
		        validateSchema: (_x = o.validateSchema) !== null && _x !== void 0 ? _x : true,
		        validateFormats: (_y = o.validateFormats) !== null && _y !== void 0 ? _y : true,
		        unicodeRegExp: (_z = o.unicodeRegExp) !== null && _z !== void 0 ? _z : true,
		        int32range: (_0 = o.int32range) !== null && _0 !== void 0 ? _0 : true,
		        uriResolver: uriResolver,
		    };
		}
		class Ajv {
		    constructor(opts = {}) {
		        this.schemas = {};
		        this.refs = {};
		        this.formats = Object.create(null);
		        this._compilations = new Set();
		        this._loading = {};
		        this._cache = new Map();
		        opts = this.opts = { ...opts, ...requiredOptions(opts) };
		        const { es5, lines } = this.opts.code;
		        this.scope = new codegen_2.ValueScope({ scope: {}, prefixes: EXT_SCOPE_NAMES, es5, lines });
		        this.logger = getLogger(opts.logger);
		        const formatOpt = opts.validateFormats;
		        opts.validateFormats = false;
		        this.RULES = (0, rules_1.getRules)();
		        checkOptions.call(this, removedOptions, opts, "NOT SUPPORTED");
		        checkOptions.call(this, deprecatedOptions, opts, "DEPRECATED", "warn");
		        this._metaOpts = getMetaSchemaOptions.call(this);
		        if (opts.formats)
		            addInitialFormats.call(this);
		        this._addVocabularies();
		        this._addDefaultMetaSchema();
		        if (opts.keywords)
		            addInitialKeywords.call(this, opts.keywords);
		        if (typeof opts.meta == "object")
		            this.addMetaSchema(opts.meta);
		        addInitialSchemas.call(this);
		        opts.validateFormats = formatOpt;
		    }
		    _addVocabularies() {
		        this.addKeyword("$async");
		    }
		    _addDefaultMetaSchema() {
		        const { $data, meta, schemaId } = this.opts;
		        let _dataRefSchema = $dataRefSchema;
		        if (schemaId === "id") {
		            _dataRefSchema = { ...$dataRefSchema };
		            _dataRefSchema.id = _dataRefSchema.$id;
		            delete _dataRefSchema.$id;
		        }
		        if (meta && $data)
		            this.addMetaSchema(_dataRefSchema, _dataRefSchema[schemaId], false);
		    }
		    defaultMeta() {
		        const { meta, schemaId } = this.opts;
		        return (this.opts.defaultMeta = typeof meta == "object" ? meta[schemaId] || meta : undefined);
		    }
		    validate(schemaKeyRef, // key, ref or schema object
		    // eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents
		    data // to be validated
		    ) {
		        let v;
		        if (typeof schemaKeyRef == "string") {
		            v = this.getSchema(schemaKeyRef);
		            if (!v)
		                throw new Error(`no schema with key or ref "${schemaKeyRef}"`);
		        }
		        else {
		            v = this.compile(schemaKeyRef);
		        }
		        const valid = v(data);
		        if (!("$async" in v))
		            this.errors = v.errors;
		        return valid;
		    }
		    compile(schema, _meta) {
		        const sch = this._addSchema(schema, _meta);
		        return (sch.validate || this._compileSchemaEnv(sch));
		    }
		    compileAsync(schema, meta) {
		        if (typeof this.opts.loadSchema != "function") {
		            throw new Error("options.loadSchema should be a function");
		        }
		        const { loadSchema } = this.opts;
		        return runCompileAsync.call(this, schema, meta);
		        async function runCompileAsync(_schema, _meta) {
		            await loadMetaSchema.call(this, _schema.$schema);
		            const sch = this._addSchema(_schema, _meta);
		            return sch.validate || _compileAsync.call(this, sch);
		        }
		        async function loadMetaSchema($ref) {
		            if ($ref && !this.getSchema($ref)) {
		                await runCompileAsync.call(this, { $ref }, true);
		            }
		        }
		        async function _compileAsync(sch) {
		            try {
		                return this._compileSchemaEnv(sch);
		            }
		            catch (e) {
		                if (!(e instanceof ref_error_1.default))
		                    throw e;
		                checkLoaded.call(this, e);
		                await loadMissingSchema.call(this, e.missingSchema);
		                return _compileAsync.call(this, sch);
		            }
		        }
		        function checkLoaded({ missingSchema: ref, missingRef }) {
		            if (this.refs[ref]) {
		                throw new Error(`AnySchema ${ref} is loaded but ${missingRef} cannot be resolved`);
		            }
		        }
		        async function loadMissingSchema(ref) {
		            const _schema = await _loadSchema.call(this, ref);
		            if (!this.refs[ref])
		                await loadMetaSchema.call(this, _schema.$schema);
		            if (!this.refs[ref])
		                this.addSchema(_schema, ref, meta);
		        }
		        async function _loadSchema(ref) {
		            const p = this._loading[ref];
		            if (p)
		                return p;
		            try {
		                return await (this._loading[ref] = loadSchema(ref));
		            }
		            finally {
		                delete this._loading[ref];
		            }
		        }
		    }
		    // Adds schema to the instance
		    addSchema(schema, // If array is passed, `key` will be ignored
		    key, // Optional schema key. Can be passed to `validate` method instead of schema object or id/ref. One schema per instance can have empty `id` and `key`.
		    _meta, // true if schema is a meta-schema. Used internally, addMetaSchema should be used instead.
		    _validateSchema = this.opts.validateSchema // false to skip schema validation. Used internally, option validateSchema should be used instead.
		    ) {
		        if (Array.isArray(schema)) {
		            for (const sch of schema)
		                this.addSchema(sch, undefined, _meta, _validateSchema);
		            return this;
		        }
		        let id;
		        if (typeof schema === "object") {
		            const { schemaId } = this.opts;
		            id = schema[schemaId];
		            if (id !== undefined && typeof id != "string") {
		                throw new Error(`schema ${schemaId} must be string`);
		            }
		        }
		        key = (0, resolve_1.normalizeId)(key || id);
		        this._checkUnique(key);
		        this.schemas[key] = this._addSchema(schema, _meta, key, _validateSchema, true);
		        return this;
		    }
		    // Add schema that will be used to validate other schemas
		    // options in META_IGNORE_OPTIONS are alway set to false
		    addMetaSchema(schema, key, // schema key
		    _validateSchema = this.opts.validateSchema // false to skip schema validation, can be used to override validateSchema option for meta-schema
		    ) {
		        this.addSchema(schema, key, true, _validateSchema);
		        return this;
		    }
		    //  Validate schema against its meta-schema
		    validateSchema(schema, throwOrLogError) {
		        if (typeof schema == "boolean")
		            return true;
		        let $schema;
		        $schema = schema.$schema;
		        if ($schema !== undefined && typeof $schema != "string") {
		            throw new Error("$schema must be a string");
		        }
		        $schema = $schema || this.opts.defaultMeta || this.defaultMeta();
		        if (!$schema) {
		            this.logger.warn("meta-schema not available");
		            this.errors = null;
		            return true;
		        }
		        const valid = this.validate($schema, schema);
		        if (!valid && throwOrLogError) {
		            const message = "schema is invalid: " + this.errorsText();
		            if (this.opts.validateSchema === "log")
		                this.logger.error(message);
		            else
		                throw new Error(message);
		        }
		        return valid;
		    }
		    // Get compiled schema by `key` or `ref`.
		    // (`key` that was passed to `addSchema` or full schema reference - `schema.$id` or resolved id)
		    getSchema(keyRef) {
		        let sch;
		        while (typeof (sch = getSchEnv.call(this, keyRef)) == "string")
		            keyRef = sch;
		        if (sch === undefined) {
		            const { schemaId } = this.opts;
		            const root = new compile_1.SchemaEnv({ schema: {}, schemaId });
		            sch = compile_1.resolveSchema.call(this, root, keyRef);
		            if (!sch)
		                return;
		            this.refs[keyRef] = sch;
		        }
		        return (sch.validate || this._compileSchemaEnv(sch));
		    }
		    // Remove cached schema(s).
		    // If no parameter is passed all schemas but meta-schemas are removed.
		    // If RegExp is passed all schemas with key/id matching pattern but meta-schemas are removed.
		    // Even if schema is referenced by other schemas it still can be removed as other schemas have local references.
		    removeSchema(schemaKeyRef) {
		        if (schemaKeyRef instanceof RegExp) {
		            this._removeAllSchemas(this.schemas, schemaKeyRef);
		            this._removeAllSchemas(this.refs, schemaKeyRef);
		            return this;
		        }
		        switch (typeof schemaKeyRef) {
		            case "undefined":
		                this._removeAllSchemas(this.schemas);
		                this._removeAllSchemas(this.refs);
		                this._cache.clear();
		                return this;
		            case "string": {
		                const sch = getSchEnv.call(this, schemaKeyRef);
		                if (typeof sch == "object")
		                    this._cache.delete(sch.schema);
		                delete this.schemas[schemaKeyRef];
		                delete this.refs[schemaKeyRef];
		                return this;
		            }
		            case "object": {
		                const cacheKey = schemaKeyRef;
		                this._cache.delete(cacheKey);
		                let id = schemaKeyRef[this.opts.schemaId];
		                if (id) {
		                    id = (0, resolve_1.normalizeId)(id);
		                    delete this.schemas[id];
		                    delete this.refs[id];
		                }
		                return this;
		            }
		            default:
		                throw new Error("ajv.removeSchema: invalid parameter");
		        }
		    }
		    // add "vocabulary" - a collection of keywords
		    addVocabulary(definitions) {
		        for (const def of definitions)
		            this.addKeyword(def);
		        return this;
		    }
		    addKeyword(kwdOrDef, def // deprecated
		    ) {
		        let keyword;
		        if (typeof kwdOrDef == "string") {
		            keyword = kwdOrDef;
		            if (typeof def == "object") {
		                this.logger.warn("these parameters are deprecated, see docs for addKeyword");
		                def.keyword = keyword;
		            }
		        }
		        else if (typeof kwdOrDef == "object" && def === undefined) {
		            def = kwdOrDef;
		            keyword = def.keyword;
		            if (Array.isArray(keyword) && !keyword.length) {
		                throw new Error("addKeywords: keyword must be string or non-empty array");
		            }
		        }
		        else {
		            throw new Error("invalid addKeywords parameters");
		        }
		        checkKeyword.call(this, keyword, def);
		        if (!def) {
		            (0, util_1.eachItem)(keyword, (kwd) => addRule.call(this, kwd));
		            return this;
		        }
		        keywordMetaschema.call(this, def);
		        const definition = {
		            ...def,
		            type: (0, dataType_1.getJSONTypes)(def.type),
		            schemaType: (0, dataType_1.getJSONTypes)(def.schemaType),
		        };
		        (0, util_1.eachItem)(keyword, definition.type.length === 0
		            ? (k) => addRule.call(this, k, definition)
		            : (k) => definition.type.forEach((t) => addRule.call(this, k, definition, t)));
		        return this;
		    }
		    getKeyword(keyword) {
		        const rule = this.RULES.all[keyword];
		        return typeof rule == "object" ? rule.definition : !!rule;
		    }
		    // Remove keyword
		    removeKeyword(keyword) {
		        // TODO return type should be Ajv
		        const { RULES } = this;
		        delete RULES.keywords[keyword];
		        delete RULES.all[keyword];
		        for (const group of RULES.rules) {
		            const i = group.rules.findIndex((rule) => rule.keyword === keyword);
		            if (i >= 0)
		                group.rules.splice(i, 1);
		        }
		        return this;
		    }
		    // Add format
		    addFormat(name, format) {
		        if (typeof format == "string")
		            format = new RegExp(format);
		        this.formats[name] = format;
		        return this;
		    }
		    errorsText(errors = this.errors, // optional array of validation errors
		    { separator = ", ", dataVar = "data" } = {} // optional options with properties `separator` and `dataVar`
		    ) {
		        if (!errors || errors.length === 0)
		            return "No errors";
		        return errors
		            .map((e) => `${dataVar}${e.instancePath} ${e.message}`)
		            .reduce((text, msg) => text + separator + msg);
		    }
		    $dataMetaSchema(metaSchema, keywordsJsonPointers) {
		        const rules = this.RULES.all;
		        metaSchema = JSON.parse(JSON.stringify(metaSchema));
		        for (const jsonPointer of keywordsJsonPointers) {
		            const segments = jsonPointer.split("/").slice(1); // first segment is an empty string
		            let keywords = metaSchema;
		            for (const seg of segments)
		                keywords = keywords[seg];
		            for (const key in rules) {
		                const rule = rules[key];
		                if (typeof rule != "object")
		                    continue;
		                const { $data } = rule.definition;
		                const schema = keywords[key];
		                if ($data && schema)
		                    keywords[key] = schemaOrData(schema);
		            }
		        }
		        return metaSchema;
		    }
		    _removeAllSchemas(schemas, regex) {
		        for (const keyRef in schemas) {
		            const sch = schemas[keyRef];
		            if (!regex || regex.test(keyRef)) {
		                if (typeof sch == "string") {
		                    delete schemas[keyRef];
		                }
		                else if (sch && !sch.meta) {
		                    this._cache.delete(sch.schema);
		                    delete schemas[keyRef];
		                }
		            }
		        }
		    }
		    _addSchema(schema, meta, baseId, validateSchema = this.opts.validateSchema, addSchema = this.opts.addUsedSchema) {
		        let id;
		        const { schemaId } = this.opts;
		        if (typeof schema == "object") {
		            id = schema[schemaId];
		        }
		        else {
		            if (this.opts.jtd)
		                throw new Error("schema must be object");
		            else if (typeof schema != "boolean")
		                throw new Error("schema must be object or boolean");
		        }
		        let sch = this._cache.get(schema);
		        if (sch !== undefined)
		            return sch;
		        baseId = (0, resolve_1.normalizeId)(id || baseId);
		        const localRefs = resolve_1.getSchemaRefs.call(this, schema, baseId);
		        sch = new compile_1.SchemaEnv({ schema, schemaId, meta, baseId, localRefs });
		        this._cache.set(sch.schema, sch);
		        if (addSchema && !baseId.startsWith("#")) {
		            // TODO atm it is allowed to overwrite schemas without id (instead of not adding them)
		            if (baseId)
		                this._checkUnique(baseId);
		            this.refs[baseId] = sch;
		        }
		        if (validateSchema)
		            this.validateSchema(schema, true);
		        return sch;
		    }
		    _checkUnique(id) {
		        if (this.schemas[id] || this.refs[id]) {
		            throw new Error(`schema with key or id "${id}" already exists`);
		        }
		    }
		    _compileSchemaEnv(sch) {
		        if (sch.meta)
		            this._compileMetaSchema(sch);
		        else
		            compile_1.compileSchema.call(this, sch);
		        /* istanbul ignore if */
		        if (!sch.validate)
		            throw new Error("ajv implementation error");
		        return sch.validate;
		    }
		    _compileMetaSchema(sch) {
		        const currentOpts = this.opts;
		        this.opts = this._metaOpts;
		        try {
		            compile_1.compileSchema.call(this, sch);
		        }
		        finally {
		            this.opts = currentOpts;
		        }
		    }
		}
		Ajv.ValidationError = validation_error_1.default;
		Ajv.MissingRefError = ref_error_1.default;
		exports.default = Ajv;
		function checkOptions(checkOpts, options, msg, log = "error") {
		    for (const key in checkOpts) {
		        const opt = key;
		        if (opt in options)
		            this.logger[log](`${msg}: option ${key}. ${checkOpts[opt]}`);
		    }
		}
		function getSchEnv(keyRef) {
		    keyRef = (0, resolve_1.normalizeId)(keyRef); // TODO tests fail without this line
		    return this.schemas[keyRef] || this.refs[keyRef];
		}
		function addInitialSchemas() {
		    const optsSchemas = this.opts.schemas;
		    if (!optsSchemas)
		        return;
		    if (Array.isArray(optsSchemas))
		        this.addSchema(optsSchemas);
		    else
		        for (const key in optsSchemas)
		            this.addSchema(optsSchemas[key], key);
		}
		function addInitialFormats() {
		    for (const name in this.opts.formats) {
		        const format = this.opts.formats[name];
		        if (format)
		            this.addFormat(name, format);
		    }
		}
		function addInitialKeywords(defs) {
		    if (Array.isArray(defs)) {
		        this.addVocabulary(defs);
		        return;
		    }
		    this.logger.warn("keywords option as map is deprecated, pass array");
		    for (const keyword in defs) {
		        const def = defs[keyword];
		        if (!def.keyword)
		            def.keyword = keyword;
		        this.addKeyword(def);
		    }
		}
		function getMetaSchemaOptions() {
		    const metaOpts = { ...this.opts };
		    for (const opt of META_IGNORE_OPTIONS)
		        delete metaOpts[opt];
		    return metaOpts;
		}
		const noLogs = { log() { }, warn() { }, error() { } };
		function getLogger(logger) {
		    if (logger === false)
		        return noLogs;
		    if (logger === undefined)
		        return console;
		    if (logger.log && logger.warn && logger.error)
		        return logger;
		    throw new Error("logger must implement log, warn and error methods");
		}
		const KEYWORD_NAME = /^[a-z_$][a-z0-9_$:-]*$/i;
		function checkKeyword(keyword, def) {
		    const { RULES } = this;
		    (0, util_1.eachItem)(keyword, (kwd) => {
		        if (RULES.keywords[kwd])
		            throw new Error(`Keyword ${kwd} is already defined`);
		        if (!KEYWORD_NAME.test(kwd))
		            throw new Error(`Keyword ${kwd} has invalid name`);
		    });
		    if (!def)
		        return;
		    if (def.$data && !("code" in def || "validate" in def)) {
		        throw new Error('$data keyword must have "code" or "validate" function');
		    }
		}
		function addRule(keyword, definition, dataType) {
		    var _a;
		    const post = definition === null || definition === void 0 ? void 0 : definition.post;
		    if (dataType && post)
		        throw new Error('keyword with "post" flag cannot have "type"');
		    const { RULES } = this;
		    let ruleGroup = post ? RULES.post : RULES.rules.find(({ type: t }) => t === dataType);
		    if (!ruleGroup) {
		        ruleGroup = { type: dataType, rules: [] };
		        RULES.rules.push(ruleGroup);
		    }
		    RULES.keywords[keyword] = true;
		    if (!definition)
		        return;
		    const rule = {
		        keyword,
		        definition: {
		            ...definition,
		            type: (0, dataType_1.getJSONTypes)(definition.type),
		            schemaType: (0, dataType_1.getJSONTypes)(definition.schemaType),
		        },
		    };
		    if (definition.before)
		        addBeforeRule.call(this, ruleGroup, rule, definition.before);
		    else
		        ruleGroup.rules.push(rule);
		    RULES.all[keyword] = rule;
		    (_a = definition.implements) === null || _a === void 0 ? void 0 : _a.forEach((kwd) => this.addKeyword(kwd));
		}
		function addBeforeRule(ruleGroup, rule, before) {
		    const i = ruleGroup.rules.findIndex((_rule) => _rule.keyword === before);
		    if (i >= 0) {
		        ruleGroup.rules.splice(i, 0, rule);
		    }
		    else {
		        ruleGroup.rules.push(rule);
		        this.logger.warn(`rule ${before} is not defined`);
		    }
		}
		function keywordMetaschema(def) {
		    let { metaSchema } = def;
		    if (metaSchema === undefined)
		        return;
		    if (def.$data && this.opts.$data)
		        metaSchema = schemaOrData(metaSchema);
		    def.validateSchema = this.compile(metaSchema, true);
		}
		const $dataRef = {
		    $ref: "https://raw.githubusercontent.com/ajv-validator/ajv/master/lib/refs/data.json#",
		};
		function schemaOrData(schema) {
		    return { anyOf: [schema, $dataRef] };
		}
		
	} (core$1));
	return core$1;
}

var draft7 = {};

var core = {};

var id = {};

var hasRequiredId;

function requireId () {
	if (hasRequiredId) return id;
	hasRequiredId = 1;
	Object.defineProperty(id, "__esModule", { value: true });
	const def = {
	    keyword: "id",
	    code() {
	        throw new Error('NOT SUPPORTED: keyword "id", use "$id" for schema ID');
	    },
	};
	id.default = def;
	
	return id;
}

var ref = {};

var hasRequiredRef;

function requireRef () {
	if (hasRequiredRef) return ref;
	hasRequiredRef = 1;
	Object.defineProperty(ref, "__esModule", { value: true });
	ref.callRef = ref.getValidate = void 0;
	const ref_error_1 = /*@__PURE__*/ requireRef_error();
	const code_1 = /*@__PURE__*/ requireCode();
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const names_1 = /*@__PURE__*/ requireNames();
	const compile_1 = /*@__PURE__*/ requireCompile();
	const util_1 = /*@__PURE__*/ requireUtil();
	const def = {
	    keyword: "$ref",
	    schemaType: "string",
	    code(cxt) {
	        const { gen, schema: $ref, it } = cxt;
	        const { baseId, schemaEnv: env, validateName, opts, self } = it;
	        const { root } = env;
	        if (($ref === "#" || $ref === "#/") && baseId === root.baseId)
	            return callRootRef();
	        const schOrEnv = compile_1.resolveRef.call(self, root, baseId, $ref);
	        if (schOrEnv === undefined)
	            throw new ref_error_1.default(it.opts.uriResolver, baseId, $ref);
	        if (schOrEnv instanceof compile_1.SchemaEnv)
	            return callValidate(schOrEnv);
	        return inlineRefSchema(schOrEnv);
	        function callRootRef() {
	            if (env === root)
	                return callRef(cxt, validateName, env, env.$async);
	            const rootName = gen.scopeValue("root", { ref: root });
	            return callRef(cxt, (0, codegen_1._) `${rootName}.validate`, root, root.$async);
	        }
	        function callValidate(sch) {
	            const v = getValidate(cxt, sch);
	            callRef(cxt, v, sch, sch.$async);
	        }
	        function inlineRefSchema(sch) {
	            const schName = gen.scopeValue("schema", opts.code.source === true ? { ref: sch, code: (0, codegen_1.stringify)(sch) } : { ref: sch });
	            const valid = gen.name("valid");
	            const schCxt = cxt.subschema({
	                schema: sch,
	                dataTypes: [],
	                schemaPath: codegen_1.nil,
	                topSchemaRef: schName,
	                errSchemaPath: $ref,
	            }, valid);
	            cxt.mergeEvaluated(schCxt);
	            cxt.ok(valid);
	        }
	    },
	};
	function getValidate(cxt, sch) {
	    const { gen } = cxt;
	    return sch.validate
	        ? gen.scopeValue("validate", { ref: sch.validate })
	        : (0, codegen_1._) `${gen.scopeValue("wrapper", { ref: sch })}.validate`;
	}
	ref.getValidate = getValidate;
	function callRef(cxt, v, sch, $async) {
	    const { gen, it } = cxt;
	    const { allErrors, schemaEnv: env, opts } = it;
	    const passCxt = opts.passContext ? names_1.default.this : codegen_1.nil;
	    if ($async)
	        callAsyncRef();
	    else
	        callSyncRef();
	    function callAsyncRef() {
	        if (!env.$async)
	            throw new Error("async schema referenced by sync schema");
	        const valid = gen.let("valid");
	        gen.try(() => {
	            gen.code((0, codegen_1._) `await ${(0, code_1.callValidateCode)(cxt, v, passCxt)}`);
	            addEvaluatedFrom(v); // TODO will not work with async, it has to be returned with the result
	            if (!allErrors)
	                gen.assign(valid, true);
	        }, (e) => {
	            gen.if((0, codegen_1._) `!(${e} instanceof ${it.ValidationError})`, () => gen.throw(e));
	            addErrorsFrom(e);
	            if (!allErrors)
	                gen.assign(valid, false);
	        });
	        cxt.ok(valid);
	    }
	    function callSyncRef() {
	        cxt.result((0, code_1.callValidateCode)(cxt, v, passCxt), () => addEvaluatedFrom(v), () => addErrorsFrom(v));
	    }
	    function addErrorsFrom(source) {
	        const errs = (0, codegen_1._) `${source}.errors`;
	        gen.assign(names_1.default.vErrors, (0, codegen_1._) `${names_1.default.vErrors} === null ? ${errs} : ${names_1.default.vErrors}.concat(${errs})`); // TODO tagged
	        gen.assign(names_1.default.errors, (0, codegen_1._) `${names_1.default.vErrors}.length`);
	    }
	    function addEvaluatedFrom(source) {
	        var _a;
	        if (!it.opts.unevaluated)
	            return;
	        const schEvaluated = (_a = sch === null || sch === void 0 ? void 0 : sch.validate) === null || _a === void 0 ? void 0 : _a.evaluated;
	        // TODO refactor
	        if (it.props !== true) {
	            if (schEvaluated && !schEvaluated.dynamicProps) {
	                if (schEvaluated.props !== undefined) {
	                    it.props = util_1.mergeEvaluated.props(gen, schEvaluated.props, it.props);
	                }
	            }
	            else {
	                const props = gen.var("props", (0, codegen_1._) `${source}.evaluated.props`);
	                it.props = util_1.mergeEvaluated.props(gen, props, it.props, codegen_1.Name);
	            }
	        }
	        if (it.items !== true) {
	            if (schEvaluated && !schEvaluated.dynamicItems) {
	                if (schEvaluated.items !== undefined) {
	                    it.items = util_1.mergeEvaluated.items(gen, schEvaluated.items, it.items);
	                }
	            }
	            else {
	                const items = gen.var("items", (0, codegen_1._) `${source}.evaluated.items`);
	                it.items = util_1.mergeEvaluated.items(gen, items, it.items, codegen_1.Name);
	            }
	        }
	    }
	}
	ref.callRef = callRef;
	ref.default = def;
	
	return ref;
}

var hasRequiredCore;

function requireCore () {
	if (hasRequiredCore) return core;
	hasRequiredCore = 1;
	Object.defineProperty(core, "__esModule", { value: true });
	const id_1 = /*@__PURE__*/ requireId();
	const ref_1 = /*@__PURE__*/ requireRef();
	const core$1 = [
	    "$schema",
	    "$id",
	    "$defs",
	    "$vocabulary",
	    { keyword: "$comment" },
	    "definitions",
	    id_1.default,
	    ref_1.default,
	];
	core.default = core$1;
	
	return core;
}

var validation = {};

var limitNumber = {};

var hasRequiredLimitNumber;

function requireLimitNumber () {
	if (hasRequiredLimitNumber) return limitNumber;
	hasRequiredLimitNumber = 1;
	Object.defineProperty(limitNumber, "__esModule", { value: true });
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const ops = codegen_1.operators;
	const KWDs = {
	    maximum: { okStr: "<=", ok: ops.LTE, fail: ops.GT },
	    minimum: { okStr: ">=", ok: ops.GTE, fail: ops.LT },
	    exclusiveMaximum: { okStr: "<", ok: ops.LT, fail: ops.GTE },
	    exclusiveMinimum: { okStr: ">", ok: ops.GT, fail: ops.LTE },
	};
	const error = {
	    message: ({ keyword, schemaCode }) => (0, codegen_1.str) `must be ${KWDs[keyword].okStr} ${schemaCode}`,
	    params: ({ keyword, schemaCode }) => (0, codegen_1._) `{comparison: ${KWDs[keyword].okStr}, limit: ${schemaCode}}`,
	};
	const def = {
	    keyword: Object.keys(KWDs),
	    type: "number",
	    schemaType: "number",
	    $data: true,
	    error,
	    code(cxt) {
	        const { keyword, data, schemaCode } = cxt;
	        cxt.fail$data((0, codegen_1._) `${data} ${KWDs[keyword].fail} ${schemaCode} || isNaN(${data})`);
	    },
	};
	limitNumber.default = def;
	
	return limitNumber;
}

var multipleOf = {};

var hasRequiredMultipleOf;

function requireMultipleOf () {
	if (hasRequiredMultipleOf) return multipleOf;
	hasRequiredMultipleOf = 1;
	Object.defineProperty(multipleOf, "__esModule", { value: true });
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const error = {
	    message: ({ schemaCode }) => (0, codegen_1.str) `must be multiple of ${schemaCode}`,
	    params: ({ schemaCode }) => (0, codegen_1._) `{multipleOf: ${schemaCode}}`,
	};
	const def = {
	    keyword: "multipleOf",
	    type: "number",
	    schemaType: "number",
	    $data: true,
	    error,
	    code(cxt) {
	        const { gen, data, schemaCode, it } = cxt;
	        // const bdt = bad$DataType(schemaCode, <string>def.schemaType, $data)
	        const prec = it.opts.multipleOfPrecision;
	        const res = gen.let("res");
	        const invalid = prec
	            ? (0, codegen_1._) `Math.abs(Math.round(${res}) - ${res}) > 1e-${prec}`
	            : (0, codegen_1._) `${res} !== parseInt(${res})`;
	        cxt.fail$data((0, codegen_1._) `(${schemaCode} === 0 || (${res} = ${data}/${schemaCode}, ${invalid}))`);
	    },
	};
	multipleOf.default = def;
	
	return multipleOf;
}

var limitLength = {};

var ucs2length = {};

var hasRequiredUcs2length;

function requireUcs2length () {
	if (hasRequiredUcs2length) return ucs2length;
	hasRequiredUcs2length = 1;
	Object.defineProperty(ucs2length, "__esModule", { value: true });
	// https://mathiasbynens.be/notes/javascript-encoding
	// https://github.com/bestiejs/punycode.js - punycode.ucs2.decode
	function ucs2length$1(str) {
	    const len = str.length;
	    let length = 0;
	    let pos = 0;
	    let value;
	    while (pos < len) {
	        length++;
	        value = str.charCodeAt(pos++);
	        if (value >= 0xd800 && value <= 0xdbff && pos < len) {
	            // high surrogate, and there is a next character
	            value = str.charCodeAt(pos);
	            if ((value & 0xfc00) === 0xdc00)
	                pos++; // low surrogate
	        }
	    }
	    return length;
	}
	ucs2length.default = ucs2length$1;
	ucs2length$1.code = 'require("ajv/dist/runtime/ucs2length").default';
	
	return ucs2length;
}

var hasRequiredLimitLength;

function requireLimitLength () {
	if (hasRequiredLimitLength) return limitLength;
	hasRequiredLimitLength = 1;
	Object.defineProperty(limitLength, "__esModule", { value: true });
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	const ucs2length_1 = /*@__PURE__*/ requireUcs2length();
	const error = {
	    message({ keyword, schemaCode }) {
	        const comp = keyword === "maxLength" ? "more" : "fewer";
	        return (0, codegen_1.str) `must NOT have ${comp} than ${schemaCode} characters`;
	    },
	    params: ({ schemaCode }) => (0, codegen_1._) `{limit: ${schemaCode}}`,
	};
	const def = {
	    keyword: ["maxLength", "minLength"],
	    type: "string",
	    schemaType: "number",
	    $data: true,
	    error,
	    code(cxt) {
	        const { keyword, data, schemaCode, it } = cxt;
	        const op = keyword === "maxLength" ? codegen_1.operators.GT : codegen_1.operators.LT;
	        const len = it.opts.unicode === false ? (0, codegen_1._) `${data}.length` : (0, codegen_1._) `${(0, util_1.useFunc)(cxt.gen, ucs2length_1.default)}(${data})`;
	        cxt.fail$data((0, codegen_1._) `${len} ${op} ${schemaCode}`);
	    },
	};
	limitLength.default = def;
	
	return limitLength;
}

var pattern = {};

var hasRequiredPattern;

function requirePattern () {
	if (hasRequiredPattern) return pattern;
	hasRequiredPattern = 1;
	Object.defineProperty(pattern, "__esModule", { value: true });
	const code_1 = /*@__PURE__*/ requireCode();
	const util_1 = /*@__PURE__*/ requireUtil();
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const error = {
	    message: ({ schemaCode }) => (0, codegen_1.str) `must match pattern "${schemaCode}"`,
	    params: ({ schemaCode }) => (0, codegen_1._) `{pattern: ${schemaCode}}`,
	};
	const def = {
	    keyword: "pattern",
	    type: "string",
	    schemaType: "string",
	    $data: true,
	    error,
	    code(cxt) {
	        const { gen, data, $data, schema, schemaCode, it } = cxt;
	        const u = it.opts.unicodeRegExp ? "u" : "";
	        if ($data) {
	            const { regExp } = it.opts.code;
	            const regExpCode = regExp.code === "new RegExp" ? (0, codegen_1._) `new RegExp` : (0, util_1.useFunc)(gen, regExp);
	            const valid = gen.let("valid");
	            gen.try(() => gen.assign(valid, (0, codegen_1._) `${regExpCode}(${schemaCode}, ${u}).test(${data})`), () => gen.assign(valid, false));
	            cxt.fail$data((0, codegen_1._) `!${valid}`);
	        }
	        else {
	            const regExp = (0, code_1.usePattern)(cxt, schema);
	            cxt.fail$data((0, codegen_1._) `!${regExp}.test(${data})`);
	        }
	    },
	};
	pattern.default = def;
	
	return pattern;
}

var limitProperties = {};

var hasRequiredLimitProperties;

function requireLimitProperties () {
	if (hasRequiredLimitProperties) return limitProperties;
	hasRequiredLimitProperties = 1;
	Object.defineProperty(limitProperties, "__esModule", { value: true });
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const error = {
	    message({ keyword, schemaCode }) {
	        const comp = keyword === "maxProperties" ? "more" : "fewer";
	        return (0, codegen_1.str) `must NOT have ${comp} than ${schemaCode} properties`;
	    },
	    params: ({ schemaCode }) => (0, codegen_1._) `{limit: ${schemaCode}}`,
	};
	const def = {
	    keyword: ["maxProperties", "minProperties"],
	    type: "object",
	    schemaType: "number",
	    $data: true,
	    error,
	    code(cxt) {
	        const { keyword, data, schemaCode } = cxt;
	        const op = keyword === "maxProperties" ? codegen_1.operators.GT : codegen_1.operators.LT;
	        cxt.fail$data((0, codegen_1._) `Object.keys(${data}).length ${op} ${schemaCode}`);
	    },
	};
	limitProperties.default = def;
	
	return limitProperties;
}

var required$1 = {};

var hasRequiredRequired;

function requireRequired () {
	if (hasRequiredRequired) return required$1;
	hasRequiredRequired = 1;
	Object.defineProperty(required$1, "__esModule", { value: true });
	const code_1 = /*@__PURE__*/ requireCode();
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	const error = {
	    message: ({ params: { missingProperty } }) => (0, codegen_1.str) `must have required property '${missingProperty}'`,
	    params: ({ params: { missingProperty } }) => (0, codegen_1._) `{missingProperty: ${missingProperty}}`,
	};
	const def = {
	    keyword: "required",
	    type: "object",
	    schemaType: "array",
	    $data: true,
	    error,
	    code(cxt) {
	        const { gen, schema, schemaCode, data, $data, it } = cxt;
	        const { opts } = it;
	        if (!$data && schema.length === 0)
	            return;
	        const useLoop = schema.length >= opts.loopRequired;
	        if (it.allErrors)
	            allErrorsMode();
	        else
	            exitOnErrorMode();
	        if (opts.strictRequired) {
	            const props = cxt.parentSchema.properties;
	            const { definedProperties } = cxt.it;
	            for (const requiredKey of schema) {
	                if ((props === null || props === void 0 ? void 0 : props[requiredKey]) === undefined && !definedProperties.has(requiredKey)) {
	                    const schemaPath = it.schemaEnv.baseId + it.errSchemaPath;
	                    const msg = `required property "${requiredKey}" is not defined at "${schemaPath}" (strictRequired)`;
	                    (0, util_1.checkStrictMode)(it, msg, it.opts.strictRequired);
	                }
	            }
	        }
	        function allErrorsMode() {
	            if (useLoop || $data) {
	                cxt.block$data(codegen_1.nil, loopAllRequired);
	            }
	            else {
	                for (const prop of schema) {
	                    (0, code_1.checkReportMissingProp)(cxt, prop);
	                }
	            }
	        }
	        function exitOnErrorMode() {
	            const missing = gen.let("missing");
	            if (useLoop || $data) {
	                const valid = gen.let("valid", true);
	                cxt.block$data(valid, () => loopUntilMissing(missing, valid));
	                cxt.ok(valid);
	            }
	            else {
	                gen.if((0, code_1.checkMissingProp)(cxt, schema, missing));
	                (0, code_1.reportMissingProp)(cxt, missing);
	                gen.else();
	            }
	        }
	        function loopAllRequired() {
	            gen.forOf("prop", schemaCode, (prop) => {
	                cxt.setParams({ missingProperty: prop });
	                gen.if((0, code_1.noPropertyInData)(gen, data, prop, opts.ownProperties), () => cxt.error());
	            });
	        }
	        function loopUntilMissing(missing, valid) {
	            cxt.setParams({ missingProperty: missing });
	            gen.forOf(missing, schemaCode, () => {
	                gen.assign(valid, (0, code_1.propertyInData)(gen, data, missing, opts.ownProperties));
	                gen.if((0, codegen_1.not)(valid), () => {
	                    cxt.error();
	                    gen.break();
	                });
	            }, codegen_1.nil);
	        }
	    },
	};
	required$1.default = def;
	
	return required$1;
}

var limitItems = {};

var hasRequiredLimitItems;

function requireLimitItems () {
	if (hasRequiredLimitItems) return limitItems;
	hasRequiredLimitItems = 1;
	Object.defineProperty(limitItems, "__esModule", { value: true });
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const error = {
	    message({ keyword, schemaCode }) {
	        const comp = keyword === "maxItems" ? "more" : "fewer";
	        return (0, codegen_1.str) `must NOT have ${comp} than ${schemaCode} items`;
	    },
	    params: ({ schemaCode }) => (0, codegen_1._) `{limit: ${schemaCode}}`,
	};
	const def = {
	    keyword: ["maxItems", "minItems"],
	    type: "array",
	    schemaType: "number",
	    $data: true,
	    error,
	    code(cxt) {
	        const { keyword, data, schemaCode } = cxt;
	        const op = keyword === "maxItems" ? codegen_1.operators.GT : codegen_1.operators.LT;
	        cxt.fail$data((0, codegen_1._) `${data}.length ${op} ${schemaCode}`);
	    },
	};
	limitItems.default = def;
	
	return limitItems;
}

var uniqueItems = {};

var equal = {};

var hasRequiredEqual;

function requireEqual () {
	if (hasRequiredEqual) return equal;
	hasRequiredEqual = 1;
	Object.defineProperty(equal, "__esModule", { value: true });
	// https://github.com/ajv-validator/ajv/issues/889
	const equal$1 = requireFastDeepEqual();
	equal$1.code = 'require("ajv/dist/runtime/equal").default';
	equal.default = equal$1;
	
	return equal;
}

var hasRequiredUniqueItems;

function requireUniqueItems () {
	if (hasRequiredUniqueItems) return uniqueItems;
	hasRequiredUniqueItems = 1;
	Object.defineProperty(uniqueItems, "__esModule", { value: true });
	const dataType_1 = /*@__PURE__*/ requireDataType();
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	const equal_1 = /*@__PURE__*/ requireEqual();
	const error = {
	    message: ({ params: { i, j } }) => (0, codegen_1.str) `must NOT have duplicate items (items ## ${j} and ${i} are identical)`,
	    params: ({ params: { i, j } }) => (0, codegen_1._) `{i: ${i}, j: ${j}}`,
	};
	const def = {
	    keyword: "uniqueItems",
	    type: "array",
	    schemaType: "boolean",
	    $data: true,
	    error,
	    code(cxt) {
	        const { gen, data, $data, schema, parentSchema, schemaCode, it } = cxt;
	        if (!$data && !schema)
	            return;
	        const valid = gen.let("valid");
	        const itemTypes = parentSchema.items ? (0, dataType_1.getSchemaTypes)(parentSchema.items) : [];
	        cxt.block$data(valid, validateUniqueItems, (0, codegen_1._) `${schemaCode} === false`);
	        cxt.ok(valid);
	        function validateUniqueItems() {
	            const i = gen.let("i", (0, codegen_1._) `${data}.length`);
	            const j = gen.let("j");
	            cxt.setParams({ i, j });
	            gen.assign(valid, true);
	            gen.if((0, codegen_1._) `${i} > 1`, () => (canOptimize() ? loopN : loopN2)(i, j));
	        }
	        function canOptimize() {
	            return itemTypes.length > 0 && !itemTypes.some((t) => t === "object" || t === "array");
	        }
	        function loopN(i, j) {
	            const item = gen.name("item");
	            const wrongType = (0, dataType_1.checkDataTypes)(itemTypes, item, it.opts.strictNumbers, dataType_1.DataType.Wrong);
	            const indices = gen.const("indices", (0, codegen_1._) `{}`);
	            gen.for((0, codegen_1._) `;${i}--;`, () => {
	                gen.let(item, (0, codegen_1._) `${data}[${i}]`);
	                gen.if(wrongType, (0, codegen_1._) `continue`);
	                if (itemTypes.length > 1)
	                    gen.if((0, codegen_1._) `typeof ${item} == "string"`, (0, codegen_1._) `${item} += "_"`);
	                gen
	                    .if((0, codegen_1._) `typeof ${indices}[${item}] == "number"`, () => {
	                    gen.assign(j, (0, codegen_1._) `${indices}[${item}]`);
	                    cxt.error();
	                    gen.assign(valid, false).break();
	                })
	                    .code((0, codegen_1._) `${indices}[${item}] = ${i}`);
	            });
	        }
	        function loopN2(i, j) {
	            const eql = (0, util_1.useFunc)(gen, equal_1.default);
	            const outer = gen.name("outer");
	            gen.label(outer).for((0, codegen_1._) `;${i}--;`, () => gen.for((0, codegen_1._) `${j} = ${i}; ${j}--;`, () => gen.if((0, codegen_1._) `${eql}(${data}[${i}], ${data}[${j}])`, () => {
	                cxt.error();
	                gen.assign(valid, false).break(outer);
	            })));
	        }
	    },
	};
	uniqueItems.default = def;
	
	return uniqueItems;
}

var _const = {};

var hasRequired_const;

function require_const () {
	if (hasRequired_const) return _const;
	hasRequired_const = 1;
	Object.defineProperty(_const, "__esModule", { value: true });
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	const equal_1 = /*@__PURE__*/ requireEqual();
	const error = {
	    message: "must be equal to constant",
	    params: ({ schemaCode }) => (0, codegen_1._) `{allowedValue: ${schemaCode}}`,
	};
	const def = {
	    keyword: "const",
	    $data: true,
	    error,
	    code(cxt) {
	        const { gen, data, $data, schemaCode, schema } = cxt;
	        if ($data || (schema && typeof schema == "object")) {
	            cxt.fail$data((0, codegen_1._) `!${(0, util_1.useFunc)(gen, equal_1.default)}(${data}, ${schemaCode})`);
	        }
	        else {
	            cxt.fail((0, codegen_1._) `${schema} !== ${data}`);
	        }
	    },
	};
	_const.default = def;
	
	return _const;
}

var _enum = {};

var hasRequired_enum;

function require_enum () {
	if (hasRequired_enum) return _enum;
	hasRequired_enum = 1;
	Object.defineProperty(_enum, "__esModule", { value: true });
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	const equal_1 = /*@__PURE__*/ requireEqual();
	const error = {
	    message: "must be equal to one of the allowed values",
	    params: ({ schemaCode }) => (0, codegen_1._) `{allowedValues: ${schemaCode}}`,
	};
	const def = {
	    keyword: "enum",
	    schemaType: "array",
	    $data: true,
	    error,
	    code(cxt) {
	        const { gen, data, $data, schema, schemaCode, it } = cxt;
	        if (!$data && schema.length === 0)
	            throw new Error("enum must have non-empty array");
	        const useLoop = schema.length >= it.opts.loopEnum;
	        let eql;
	        const getEql = () => (eql !== null && eql !== void 0 ? eql : (eql = (0, util_1.useFunc)(gen, equal_1.default)));
	        let valid;
	        if (useLoop || $data) {
	            valid = gen.let("valid");
	            cxt.block$data(valid, loopEnum);
	        }
	        else {
	            /* istanbul ignore if */
	            if (!Array.isArray(schema))
	                throw new Error("ajv implementation error");
	            const vSchema = gen.const("vSchema", schemaCode);
	            valid = (0, codegen_1.or)(...schema.map((_x, i) => equalCode(vSchema, i)));
	        }
	        cxt.pass(valid);
	        function loopEnum() {
	            gen.assign(valid, false);
	            gen.forOf("v", schemaCode, (v) => gen.if((0, codegen_1._) `${getEql()}(${data}, ${v})`, () => gen.assign(valid, true).break()));
	        }
	        function equalCode(vSchema, i) {
	            const sch = schema[i];
	            return typeof sch === "object" && sch !== null
	                ? (0, codegen_1._) `${getEql()}(${data}, ${vSchema}[${i}])`
	                : (0, codegen_1._) `${data} === ${sch}`;
	        }
	    },
	};
	_enum.default = def;
	
	return _enum;
}

var hasRequiredValidation;

function requireValidation () {
	if (hasRequiredValidation) return validation;
	hasRequiredValidation = 1;
	Object.defineProperty(validation, "__esModule", { value: true });
	const limitNumber_1 = /*@__PURE__*/ requireLimitNumber();
	const multipleOf_1 = /*@__PURE__*/ requireMultipleOf();
	const limitLength_1 = /*@__PURE__*/ requireLimitLength();
	const pattern_1 = /*@__PURE__*/ requirePattern();
	const limitProperties_1 = /*@__PURE__*/ requireLimitProperties();
	const required_1 = /*@__PURE__*/ requireRequired();
	const limitItems_1 = /*@__PURE__*/ requireLimitItems();
	const uniqueItems_1 = /*@__PURE__*/ requireUniqueItems();
	const const_1 = /*@__PURE__*/ require_const();
	const enum_1 = /*@__PURE__*/ require_enum();
	const validation$1 = [
	    // number
	    limitNumber_1.default,
	    multipleOf_1.default,
	    // string
	    limitLength_1.default,
	    pattern_1.default,
	    // object
	    limitProperties_1.default,
	    required_1.default,
	    // array
	    limitItems_1.default,
	    uniqueItems_1.default,
	    // any
	    { keyword: "type", schemaType: ["string", "array"] },
	    { keyword: "nullable", schemaType: "boolean" },
	    const_1.default,
	    enum_1.default,
	];
	validation.default = validation$1;
	
	return validation;
}

var applicator = {};

var additionalItems = {};

var hasRequiredAdditionalItems;

function requireAdditionalItems () {
	if (hasRequiredAdditionalItems) return additionalItems;
	hasRequiredAdditionalItems = 1;
	Object.defineProperty(additionalItems, "__esModule", { value: true });
	additionalItems.validateAdditionalItems = void 0;
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	const error = {
	    message: ({ params: { len } }) => (0, codegen_1.str) `must NOT have more than ${len} items`,
	    params: ({ params: { len } }) => (0, codegen_1._) `{limit: ${len}}`,
	};
	const def = {
	    keyword: "additionalItems",
	    type: "array",
	    schemaType: ["boolean", "object"],
	    before: "uniqueItems",
	    error,
	    code(cxt) {
	        const { parentSchema, it } = cxt;
	        const { items } = parentSchema;
	        if (!Array.isArray(items)) {
	            (0, util_1.checkStrictMode)(it, '"additionalItems" is ignored when "items" is not an array of schemas');
	            return;
	        }
	        validateAdditionalItems(cxt, items);
	    },
	};
	function validateAdditionalItems(cxt, items) {
	    const { gen, schema, data, keyword, it } = cxt;
	    it.items = true;
	    const len = gen.const("len", (0, codegen_1._) `${data}.length`);
	    if (schema === false) {
	        cxt.setParams({ len: items.length });
	        cxt.pass((0, codegen_1._) `${len} <= ${items.length}`);
	    }
	    else if (typeof schema == "object" && !(0, util_1.alwaysValidSchema)(it, schema)) {
	        const valid = gen.var("valid", (0, codegen_1._) `${len} <= ${items.length}`); // TODO var
	        gen.if((0, codegen_1.not)(valid), () => validateItems(valid));
	        cxt.ok(valid);
	    }
	    function validateItems(valid) {
	        gen.forRange("i", items.length, len, (i) => {
	            cxt.subschema({ keyword, dataProp: i, dataPropType: util_1.Type.Num }, valid);
	            if (!it.allErrors)
	                gen.if((0, codegen_1.not)(valid), () => gen.break());
	        });
	    }
	}
	additionalItems.validateAdditionalItems = validateAdditionalItems;
	additionalItems.default = def;
	
	return additionalItems;
}

var prefixItems = {};

var items = {};

var hasRequiredItems;

function requireItems () {
	if (hasRequiredItems) return items;
	hasRequiredItems = 1;
	Object.defineProperty(items, "__esModule", { value: true });
	items.validateTuple = void 0;
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	const code_1 = /*@__PURE__*/ requireCode();
	const def = {
	    keyword: "items",
	    type: "array",
	    schemaType: ["object", "array", "boolean"],
	    before: "uniqueItems",
	    code(cxt) {
	        const { schema, it } = cxt;
	        if (Array.isArray(schema))
	            return validateTuple(cxt, "additionalItems", schema);
	        it.items = true;
	        if ((0, util_1.alwaysValidSchema)(it, schema))
	            return;
	        cxt.ok((0, code_1.validateArray)(cxt));
	    },
	};
	function validateTuple(cxt, extraItems, schArr = cxt.schema) {
	    const { gen, parentSchema, data, keyword, it } = cxt;
	    checkStrictTuple(parentSchema);
	    if (it.opts.unevaluated && schArr.length && it.items !== true) {
	        it.items = util_1.mergeEvaluated.items(gen, schArr.length, it.items);
	    }
	    const valid = gen.name("valid");
	    const len = gen.const("len", (0, codegen_1._) `${data}.length`);
	    schArr.forEach((sch, i) => {
	        if ((0, util_1.alwaysValidSchema)(it, sch))
	            return;
	        gen.if((0, codegen_1._) `${len} > ${i}`, () => cxt.subschema({
	            keyword,
	            schemaProp: i,
	            dataProp: i,
	        }, valid));
	        cxt.ok(valid);
	    });
	    function checkStrictTuple(sch) {
	        const { opts, errSchemaPath } = it;
	        const l = schArr.length;
	        const fullTuple = l === sch.minItems && (l === sch.maxItems || sch[extraItems] === false);
	        if (opts.strictTuples && !fullTuple) {
	            const msg = `"${keyword}" is ${l}-tuple, but minItems or maxItems/${extraItems} are not specified or different at path "${errSchemaPath}"`;
	            (0, util_1.checkStrictMode)(it, msg, opts.strictTuples);
	        }
	    }
	}
	items.validateTuple = validateTuple;
	items.default = def;
	
	return items;
}

var hasRequiredPrefixItems;

function requirePrefixItems () {
	if (hasRequiredPrefixItems) return prefixItems;
	hasRequiredPrefixItems = 1;
	Object.defineProperty(prefixItems, "__esModule", { value: true });
	const items_1 = /*@__PURE__*/ requireItems();
	const def = {
	    keyword: "prefixItems",
	    type: "array",
	    schemaType: ["array"],
	    before: "uniqueItems",
	    code: (cxt) => (0, items_1.validateTuple)(cxt, "items"),
	};
	prefixItems.default = def;
	
	return prefixItems;
}

var items2020 = {};

var hasRequiredItems2020;

function requireItems2020 () {
	if (hasRequiredItems2020) return items2020;
	hasRequiredItems2020 = 1;
	Object.defineProperty(items2020, "__esModule", { value: true });
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	const code_1 = /*@__PURE__*/ requireCode();
	const additionalItems_1 = /*@__PURE__*/ requireAdditionalItems();
	const error = {
	    message: ({ params: { len } }) => (0, codegen_1.str) `must NOT have more than ${len} items`,
	    params: ({ params: { len } }) => (0, codegen_1._) `{limit: ${len}}`,
	};
	const def = {
	    keyword: "items",
	    type: "array",
	    schemaType: ["object", "boolean"],
	    before: "uniqueItems",
	    error,
	    code(cxt) {
	        const { schema, parentSchema, it } = cxt;
	        const { prefixItems } = parentSchema;
	        it.items = true;
	        if ((0, util_1.alwaysValidSchema)(it, schema))
	            return;
	        if (prefixItems)
	            (0, additionalItems_1.validateAdditionalItems)(cxt, prefixItems);
	        else
	            cxt.ok((0, code_1.validateArray)(cxt));
	    },
	};
	items2020.default = def;
	
	return items2020;
}

var contains = {};

var hasRequiredContains;

function requireContains () {
	if (hasRequiredContains) return contains;
	hasRequiredContains = 1;
	Object.defineProperty(contains, "__esModule", { value: true });
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	const error = {
	    message: ({ params: { min, max } }) => max === undefined
	        ? (0, codegen_1.str) `must contain at least ${min} valid item(s)`
	        : (0, codegen_1.str) `must contain at least ${min} and no more than ${max} valid item(s)`,
	    params: ({ params: { min, max } }) => max === undefined ? (0, codegen_1._) `{minContains: ${min}}` : (0, codegen_1._) `{minContains: ${min}, maxContains: ${max}}`,
	};
	const def = {
	    keyword: "contains",
	    type: "array",
	    schemaType: ["object", "boolean"],
	    before: "uniqueItems",
	    trackErrors: true,
	    error,
	    code(cxt) {
	        const { gen, schema, parentSchema, data, it } = cxt;
	        let min;
	        let max;
	        const { minContains, maxContains } = parentSchema;
	        if (it.opts.next) {
	            min = minContains === undefined ? 1 : minContains;
	            max = maxContains;
	        }
	        else {
	            min = 1;
	        }
	        const len = gen.const("len", (0, codegen_1._) `${data}.length`);
	        cxt.setParams({ min, max });
	        if (max === undefined && min === 0) {
	            (0, util_1.checkStrictMode)(it, `"minContains" == 0 without "maxContains": "contains" keyword ignored`);
	            return;
	        }
	        if (max !== undefined && min > max) {
	            (0, util_1.checkStrictMode)(it, `"minContains" > "maxContains" is always invalid`);
	            cxt.fail();
	            return;
	        }
	        if ((0, util_1.alwaysValidSchema)(it, schema)) {
	            let cond = (0, codegen_1._) `${len} >= ${min}`;
	            if (max !== undefined)
	                cond = (0, codegen_1._) `${cond} && ${len} <= ${max}`;
	            cxt.pass(cond);
	            return;
	        }
	        it.items = true;
	        const valid = gen.name("valid");
	        if (max === undefined && min === 1) {
	            validateItems(valid, () => gen.if(valid, () => gen.break()));
	        }
	        else if (min === 0) {
	            gen.let(valid, true);
	            if (max !== undefined)
	                gen.if((0, codegen_1._) `${data}.length > 0`, validateItemsWithCount);
	        }
	        else {
	            gen.let(valid, false);
	            validateItemsWithCount();
	        }
	        cxt.result(valid, () => cxt.reset());
	        function validateItemsWithCount() {
	            const schValid = gen.name("_valid");
	            const count = gen.let("count", 0);
	            validateItems(schValid, () => gen.if(schValid, () => checkLimits(count)));
	        }
	        function validateItems(_valid, block) {
	            gen.forRange("i", 0, len, (i) => {
	                cxt.subschema({
	                    keyword: "contains",
	                    dataProp: i,
	                    dataPropType: util_1.Type.Num,
	                    compositeRule: true,
	                }, _valid);
	                block();
	            });
	        }
	        function checkLimits(count) {
	            gen.code((0, codegen_1._) `${count}++`);
	            if (max === undefined) {
	                gen.if((0, codegen_1._) `${count} >= ${min}`, () => gen.assign(valid, true).break());
	            }
	            else {
	                gen.if((0, codegen_1._) `${count} > ${max}`, () => gen.assign(valid, false).break());
	                if (min === 1)
	                    gen.assign(valid, true);
	                else
	                    gen.if((0, codegen_1._) `${count} >= ${min}`, () => gen.assign(valid, true));
	            }
	        }
	    },
	};
	contains.default = def;
	
	return contains;
}

var dependencies = {};

var hasRequiredDependencies;

function requireDependencies () {
	if (hasRequiredDependencies) return dependencies;
	hasRequiredDependencies = 1;
	(function (exports) {
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.validateSchemaDeps = exports.validatePropertyDeps = exports.error = void 0;
		const codegen_1 = /*@__PURE__*/ requireCodegen();
		const util_1 = /*@__PURE__*/ requireUtil();
		const code_1 = /*@__PURE__*/ requireCode();
		exports.error = {
		    message: ({ params: { property, depsCount, deps } }) => {
		        const property_ies = depsCount === 1 ? "property" : "properties";
		        return (0, codegen_1.str) `must have ${property_ies} ${deps} when property ${property} is present`;
		    },
		    params: ({ params: { property, depsCount, deps, missingProperty } }) => (0, codegen_1._) `{property: ${property},
    missingProperty: ${missingProperty},
    depsCount: ${depsCount},
    deps: ${deps}}`, // TODO change to reference
		};
		const def = {
		    keyword: "dependencies",
		    type: "object",
		    schemaType: "object",
		    error: exports.error,
		    code(cxt) {
		        const [propDeps, schDeps] = splitDependencies(cxt);
		        validatePropertyDeps(cxt, propDeps);
		        validateSchemaDeps(cxt, schDeps);
		    },
		};
		function splitDependencies({ schema }) {
		    const propertyDeps = {};
		    const schemaDeps = {};
		    for (const key in schema) {
		        if (key === "__proto__")
		            continue;
		        const deps = Array.isArray(schema[key]) ? propertyDeps : schemaDeps;
		        deps[key] = schema[key];
		    }
		    return [propertyDeps, schemaDeps];
		}
		function validatePropertyDeps(cxt, propertyDeps = cxt.schema) {
		    const { gen, data, it } = cxt;
		    if (Object.keys(propertyDeps).length === 0)
		        return;
		    const missing = gen.let("missing");
		    for (const prop in propertyDeps) {
		        const deps = propertyDeps[prop];
		        if (deps.length === 0)
		            continue;
		        const hasProperty = (0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties);
		        cxt.setParams({
		            property: prop,
		            depsCount: deps.length,
		            deps: deps.join(", "),
		        });
		        if (it.allErrors) {
		            gen.if(hasProperty, () => {
		                for (const depProp of deps) {
		                    (0, code_1.checkReportMissingProp)(cxt, depProp);
		                }
		            });
		        }
		        else {
		            gen.if((0, codegen_1._) `${hasProperty} && (${(0, code_1.checkMissingProp)(cxt, deps, missing)})`);
		            (0, code_1.reportMissingProp)(cxt, missing);
		            gen.else();
		        }
		    }
		}
		exports.validatePropertyDeps = validatePropertyDeps;
		function validateSchemaDeps(cxt, schemaDeps = cxt.schema) {
		    const { gen, data, keyword, it } = cxt;
		    const valid = gen.name("valid");
		    for (const prop in schemaDeps) {
		        if ((0, util_1.alwaysValidSchema)(it, schemaDeps[prop]))
		            continue;
		        gen.if((0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties), () => {
		            const schCxt = cxt.subschema({ keyword, schemaProp: prop }, valid);
		            cxt.mergeValidEvaluated(schCxt, valid);
		        }, () => gen.var(valid, true) // TODO var
		        );
		        cxt.ok(valid);
		    }
		}
		exports.validateSchemaDeps = validateSchemaDeps;
		exports.default = def;
		
	} (dependencies));
	return dependencies;
}

var propertyNames = {};

var hasRequiredPropertyNames;

function requirePropertyNames () {
	if (hasRequiredPropertyNames) return propertyNames;
	hasRequiredPropertyNames = 1;
	Object.defineProperty(propertyNames, "__esModule", { value: true });
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	const error = {
	    message: "property name must be valid",
	    params: ({ params }) => (0, codegen_1._) `{propertyName: ${params.propertyName}}`,
	};
	const def = {
	    keyword: "propertyNames",
	    type: "object",
	    schemaType: ["object", "boolean"],
	    error,
	    code(cxt) {
	        const { gen, schema, data, it } = cxt;
	        if ((0, util_1.alwaysValidSchema)(it, schema))
	            return;
	        const valid = gen.name("valid");
	        gen.forIn("key", data, (key) => {
	            cxt.setParams({ propertyName: key });
	            cxt.subschema({
	                keyword: "propertyNames",
	                data: key,
	                dataTypes: ["string"],
	                propertyName: key,
	                compositeRule: true,
	            }, valid);
	            gen.if((0, codegen_1.not)(valid), () => {
	                cxt.error(true);
	                if (!it.allErrors)
	                    gen.break();
	            });
	        });
	        cxt.ok(valid);
	    },
	};
	propertyNames.default = def;
	
	return propertyNames;
}

var additionalProperties$1 = {};

var hasRequiredAdditionalProperties;

function requireAdditionalProperties () {
	if (hasRequiredAdditionalProperties) return additionalProperties$1;
	hasRequiredAdditionalProperties = 1;
	Object.defineProperty(additionalProperties$1, "__esModule", { value: true });
	const code_1 = /*@__PURE__*/ requireCode();
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const names_1 = /*@__PURE__*/ requireNames();
	const util_1 = /*@__PURE__*/ requireUtil();
	const error = {
	    message: "must NOT have additional properties",
	    params: ({ params }) => (0, codegen_1._) `{additionalProperty: ${params.additionalProperty}}`,
	};
	const def = {
	    keyword: "additionalProperties",
	    type: ["object"],
	    schemaType: ["boolean", "object"],
	    allowUndefined: true,
	    trackErrors: true,
	    error,
	    code(cxt) {
	        const { gen, schema, parentSchema, data, errsCount, it } = cxt;
	        /* istanbul ignore if */
	        if (!errsCount)
	            throw new Error("ajv implementation error");
	        const { allErrors, opts } = it;
	        it.props = true;
	        if (opts.removeAdditional !== "all" && (0, util_1.alwaysValidSchema)(it, schema))
	            return;
	        const props = (0, code_1.allSchemaProperties)(parentSchema.properties);
	        const patProps = (0, code_1.allSchemaProperties)(parentSchema.patternProperties);
	        checkAdditionalProperties();
	        cxt.ok((0, codegen_1._) `${errsCount} === ${names_1.default.errors}`);
	        function checkAdditionalProperties() {
	            gen.forIn("key", data, (key) => {
	                if (!props.length && !patProps.length)
	                    additionalPropertyCode(key);
	                else
	                    gen.if(isAdditional(key), () => additionalPropertyCode(key));
	            });
	        }
	        function isAdditional(key) {
	            let definedProp;
	            if (props.length > 8) {
	                // TODO maybe an option instead of hard-coded 8?
	                const propsSchema = (0, util_1.schemaRefOrVal)(it, parentSchema.properties, "properties");
	                definedProp = (0, code_1.isOwnProperty)(gen, propsSchema, key);
	            }
	            else if (props.length) {
	                definedProp = (0, codegen_1.or)(...props.map((p) => (0, codegen_1._) `${key} === ${p}`));
	            }
	            else {
	                definedProp = codegen_1.nil;
	            }
	            if (patProps.length) {
	                definedProp = (0, codegen_1.or)(definedProp, ...patProps.map((p) => (0, codegen_1._) `${(0, code_1.usePattern)(cxt, p)}.test(${key})`));
	            }
	            return (0, codegen_1.not)(definedProp);
	        }
	        function deleteAdditional(key) {
	            gen.code((0, codegen_1._) `delete ${data}[${key}]`);
	        }
	        function additionalPropertyCode(key) {
	            if (opts.removeAdditional === "all" || (opts.removeAdditional && schema === false)) {
	                deleteAdditional(key);
	                return;
	            }
	            if (schema === false) {
	                cxt.setParams({ additionalProperty: key });
	                cxt.error();
	                if (!allErrors)
	                    gen.break();
	                return;
	            }
	            if (typeof schema == "object" && !(0, util_1.alwaysValidSchema)(it, schema)) {
	                const valid = gen.name("valid");
	                if (opts.removeAdditional === "failing") {
	                    applyAdditionalSchema(key, valid, false);
	                    gen.if((0, codegen_1.not)(valid), () => {
	                        cxt.reset();
	                        deleteAdditional(key);
	                    });
	                }
	                else {
	                    applyAdditionalSchema(key, valid);
	                    if (!allErrors)
	                        gen.if((0, codegen_1.not)(valid), () => gen.break());
	                }
	            }
	        }
	        function applyAdditionalSchema(key, valid, errors) {
	            const subschema = {
	                keyword: "additionalProperties",
	                dataProp: key,
	                dataPropType: util_1.Type.Str,
	            };
	            if (errors === false) {
	                Object.assign(subschema, {
	                    compositeRule: true,
	                    createErrors: false,
	                    allErrors: false,
	                });
	            }
	            cxt.subschema(subschema, valid);
	        }
	    },
	};
	additionalProperties$1.default = def;
	
	return additionalProperties$1;
}

var properties$3 = {};

var hasRequiredProperties;

function requireProperties () {
	if (hasRequiredProperties) return properties$3;
	hasRequiredProperties = 1;
	Object.defineProperty(properties$3, "__esModule", { value: true });
	const validate_1 = /*@__PURE__*/ requireValidate();
	const code_1 = /*@__PURE__*/ requireCode();
	const util_1 = /*@__PURE__*/ requireUtil();
	const additionalProperties_1 = /*@__PURE__*/ requireAdditionalProperties();
	const def = {
	    keyword: "properties",
	    type: "object",
	    schemaType: "object",
	    code(cxt) {
	        const { gen, schema, parentSchema, data, it } = cxt;
	        if (it.opts.removeAdditional === "all" && parentSchema.additionalProperties === undefined) {
	            additionalProperties_1.default.code(new validate_1.KeywordCxt(it, additionalProperties_1.default, "additionalProperties"));
	        }
	        const allProps = (0, code_1.allSchemaProperties)(schema);
	        for (const prop of allProps) {
	            it.definedProperties.add(prop);
	        }
	        if (it.opts.unevaluated && allProps.length && it.props !== true) {
	            it.props = util_1.mergeEvaluated.props(gen, (0, util_1.toHash)(allProps), it.props);
	        }
	        const properties = allProps.filter((p) => !(0, util_1.alwaysValidSchema)(it, schema[p]));
	        if (properties.length === 0)
	            return;
	        const valid = gen.name("valid");
	        for (const prop of properties) {
	            if (hasDefault(prop)) {
	                applyPropertySchema(prop);
	            }
	            else {
	                gen.if((0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties));
	                applyPropertySchema(prop);
	                if (!it.allErrors)
	                    gen.else().var(valid, true);
	                gen.endIf();
	            }
	            cxt.it.definedProperties.add(prop);
	            cxt.ok(valid);
	        }
	        function hasDefault(prop) {
	            return it.opts.useDefaults && !it.compositeRule && schema[prop].default !== undefined;
	        }
	        function applyPropertySchema(prop) {
	            cxt.subschema({
	                keyword: "properties",
	                schemaProp: prop,
	                dataProp: prop,
	            }, valid);
	        }
	    },
	};
	properties$3.default = def;
	
	return properties$3;
}

var patternProperties = {};

var hasRequiredPatternProperties;

function requirePatternProperties () {
	if (hasRequiredPatternProperties) return patternProperties;
	hasRequiredPatternProperties = 1;
	Object.defineProperty(patternProperties, "__esModule", { value: true });
	const code_1 = /*@__PURE__*/ requireCode();
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	const util_2 = /*@__PURE__*/ requireUtil();
	const def = {
	    keyword: "patternProperties",
	    type: "object",
	    schemaType: "object",
	    code(cxt) {
	        const { gen, schema, data, parentSchema, it } = cxt;
	        const { opts } = it;
	        const patterns = (0, code_1.allSchemaProperties)(schema);
	        const alwaysValidPatterns = patterns.filter((p) => (0, util_1.alwaysValidSchema)(it, schema[p]));
	        if (patterns.length === 0 ||
	            (alwaysValidPatterns.length === patterns.length &&
	                (!it.opts.unevaluated || it.props === true))) {
	            return;
	        }
	        const checkProperties = opts.strictSchema && !opts.allowMatchingProperties && parentSchema.properties;
	        const valid = gen.name("valid");
	        if (it.props !== true && !(it.props instanceof codegen_1.Name)) {
	            it.props = (0, util_2.evaluatedPropsToName)(gen, it.props);
	        }
	        const { props } = it;
	        validatePatternProperties();
	        function validatePatternProperties() {
	            for (const pat of patterns) {
	                if (checkProperties)
	                    checkMatchingProperties(pat);
	                if (it.allErrors) {
	                    validateProperties(pat);
	                }
	                else {
	                    gen.var(valid, true); // TODO var
	                    validateProperties(pat);
	                    gen.if(valid);
	                }
	            }
	        }
	        function checkMatchingProperties(pat) {
	            for (const prop in checkProperties) {
	                if (new RegExp(pat).test(prop)) {
	                    (0, util_1.checkStrictMode)(it, `property ${prop} matches pattern ${pat} (use allowMatchingProperties)`);
	                }
	            }
	        }
	        function validateProperties(pat) {
	            gen.forIn("key", data, (key) => {
	                gen.if((0, codegen_1._) `${(0, code_1.usePattern)(cxt, pat)}.test(${key})`, () => {
	                    const alwaysValid = alwaysValidPatterns.includes(pat);
	                    if (!alwaysValid) {
	                        cxt.subschema({
	                            keyword: "patternProperties",
	                            schemaProp: pat,
	                            dataProp: key,
	                            dataPropType: util_2.Type.Str,
	                        }, valid);
	                    }
	                    if (it.opts.unevaluated && props !== true) {
	                        gen.assign((0, codegen_1._) `${props}[${key}]`, true);
	                    }
	                    else if (!alwaysValid && !it.allErrors) {
	                        // can short-circuit if `unevaluatedProperties` is not supported (opts.next === false)
	                        // or if all properties were evaluated (props === true)
	                        gen.if((0, codegen_1.not)(valid), () => gen.break());
	                    }
	                });
	            });
	        }
	    },
	};
	patternProperties.default = def;
	
	return patternProperties;
}

var not = {};

var hasRequiredNot;

function requireNot () {
	if (hasRequiredNot) return not;
	hasRequiredNot = 1;
	Object.defineProperty(not, "__esModule", { value: true });
	const util_1 = /*@__PURE__*/ requireUtil();
	const def = {
	    keyword: "not",
	    schemaType: ["object", "boolean"],
	    trackErrors: true,
	    code(cxt) {
	        const { gen, schema, it } = cxt;
	        if ((0, util_1.alwaysValidSchema)(it, schema)) {
	            cxt.fail();
	            return;
	        }
	        const valid = gen.name("valid");
	        cxt.subschema({
	            keyword: "not",
	            compositeRule: true,
	            createErrors: false,
	            allErrors: false,
	        }, valid);
	        cxt.failResult(valid, () => cxt.reset(), () => cxt.error());
	    },
	    error: { message: "must NOT be valid" },
	};
	not.default = def;
	
	return not;
}

var anyOf = {};

var hasRequiredAnyOf;

function requireAnyOf () {
	if (hasRequiredAnyOf) return anyOf;
	hasRequiredAnyOf = 1;
	Object.defineProperty(anyOf, "__esModule", { value: true });
	const code_1 = /*@__PURE__*/ requireCode();
	const def = {
	    keyword: "anyOf",
	    schemaType: "array",
	    trackErrors: true,
	    code: code_1.validateUnion,
	    error: { message: "must match a schema in anyOf" },
	};
	anyOf.default = def;
	
	return anyOf;
}

var oneOf = {};

var hasRequiredOneOf;

function requireOneOf () {
	if (hasRequiredOneOf) return oneOf;
	hasRequiredOneOf = 1;
	Object.defineProperty(oneOf, "__esModule", { value: true });
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	const error = {
	    message: "must match exactly one schema in oneOf",
	    params: ({ params }) => (0, codegen_1._) `{passingSchemas: ${params.passing}}`,
	};
	const def = {
	    keyword: "oneOf",
	    schemaType: "array",
	    trackErrors: true,
	    error,
	    code(cxt) {
	        const { gen, schema, parentSchema, it } = cxt;
	        /* istanbul ignore if */
	        if (!Array.isArray(schema))
	            throw new Error("ajv implementation error");
	        if (it.opts.discriminator && parentSchema.discriminator)
	            return;
	        const schArr = schema;
	        const valid = gen.let("valid", false);
	        const passing = gen.let("passing", null);
	        const schValid = gen.name("_valid");
	        cxt.setParams({ passing });
	        // TODO possibly fail straight away (with warning or exception) if there are two empty always valid schemas
	        gen.block(validateOneOf);
	        cxt.result(valid, () => cxt.reset(), () => cxt.error(true));
	        function validateOneOf() {
	            schArr.forEach((sch, i) => {
	                let schCxt;
	                if ((0, util_1.alwaysValidSchema)(it, sch)) {
	                    gen.var(schValid, true);
	                }
	                else {
	                    schCxt = cxt.subschema({
	                        keyword: "oneOf",
	                        schemaProp: i,
	                        compositeRule: true,
	                    }, schValid);
	                }
	                if (i > 0) {
	                    gen
	                        .if((0, codegen_1._) `${schValid} && ${valid}`)
	                        .assign(valid, false)
	                        .assign(passing, (0, codegen_1._) `[${passing}, ${i}]`)
	                        .else();
	                }
	                gen.if(schValid, () => {
	                    gen.assign(valid, true);
	                    gen.assign(passing, i);
	                    if (schCxt)
	                        cxt.mergeEvaluated(schCxt, codegen_1.Name);
	                });
	            });
	        }
	    },
	};
	oneOf.default = def;
	
	return oneOf;
}

var allOf = {};

var hasRequiredAllOf;

function requireAllOf () {
	if (hasRequiredAllOf) return allOf;
	hasRequiredAllOf = 1;
	Object.defineProperty(allOf, "__esModule", { value: true });
	const util_1 = /*@__PURE__*/ requireUtil();
	const def = {
	    keyword: "allOf",
	    schemaType: "array",
	    code(cxt) {
	        const { gen, schema, it } = cxt;
	        /* istanbul ignore if */
	        if (!Array.isArray(schema))
	            throw new Error("ajv implementation error");
	        const valid = gen.name("valid");
	        schema.forEach((sch, i) => {
	            if ((0, util_1.alwaysValidSchema)(it, sch))
	                return;
	            const schCxt = cxt.subschema({ keyword: "allOf", schemaProp: i }, valid);
	            cxt.ok(valid);
	            cxt.mergeEvaluated(schCxt);
	        });
	    },
	};
	allOf.default = def;
	
	return allOf;
}

var _if = {};

var hasRequired_if;

function require_if () {
	if (hasRequired_if) return _if;
	hasRequired_if = 1;
	Object.defineProperty(_if, "__esModule", { value: true });
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	const error = {
	    message: ({ params }) => (0, codegen_1.str) `must match "${params.ifClause}" schema`,
	    params: ({ params }) => (0, codegen_1._) `{failingKeyword: ${params.ifClause}}`,
	};
	const def = {
	    keyword: "if",
	    schemaType: ["object", "boolean"],
	    trackErrors: true,
	    error,
	    code(cxt) {
	        const { gen, parentSchema, it } = cxt;
	        if (parentSchema.then === undefined && parentSchema.else === undefined) {
	            (0, util_1.checkStrictMode)(it, '"if" without "then" and "else" is ignored');
	        }
	        const hasThen = hasSchema(it, "then");
	        const hasElse = hasSchema(it, "else");
	        if (!hasThen && !hasElse)
	            return;
	        const valid = gen.let("valid", true);
	        const schValid = gen.name("_valid");
	        validateIf();
	        cxt.reset();
	        if (hasThen && hasElse) {
	            const ifClause = gen.let("ifClause");
	            cxt.setParams({ ifClause });
	            gen.if(schValid, validateClause("then", ifClause), validateClause("else", ifClause));
	        }
	        else if (hasThen) {
	            gen.if(schValid, validateClause("then"));
	        }
	        else {
	            gen.if((0, codegen_1.not)(schValid), validateClause("else"));
	        }
	        cxt.pass(valid, () => cxt.error(true));
	        function validateIf() {
	            const schCxt = cxt.subschema({
	                keyword: "if",
	                compositeRule: true,
	                createErrors: false,
	                allErrors: false,
	            }, schValid);
	            cxt.mergeEvaluated(schCxt);
	        }
	        function validateClause(keyword, ifClause) {
	            return () => {
	                const schCxt = cxt.subschema({ keyword }, schValid);
	                gen.assign(valid, schValid);
	                cxt.mergeValidEvaluated(schCxt, valid);
	                if (ifClause)
	                    gen.assign(ifClause, (0, codegen_1._) `${keyword}`);
	                else
	                    cxt.setParams({ ifClause: keyword });
	            };
	        }
	    },
	};
	function hasSchema(it, keyword) {
	    const schema = it.schema[keyword];
	    return schema !== undefined && !(0, util_1.alwaysValidSchema)(it, schema);
	}
	_if.default = def;
	
	return _if;
}

var thenElse = {};

var hasRequiredThenElse;

function requireThenElse () {
	if (hasRequiredThenElse) return thenElse;
	hasRequiredThenElse = 1;
	Object.defineProperty(thenElse, "__esModule", { value: true });
	const util_1 = /*@__PURE__*/ requireUtil();
	const def = {
	    keyword: ["then", "else"],
	    schemaType: ["object", "boolean"],
	    code({ keyword, parentSchema, it }) {
	        if (parentSchema.if === undefined)
	            (0, util_1.checkStrictMode)(it, `"${keyword}" without "if" is ignored`);
	    },
	};
	thenElse.default = def;
	
	return thenElse;
}

var hasRequiredApplicator;

function requireApplicator () {
	if (hasRequiredApplicator) return applicator;
	hasRequiredApplicator = 1;
	Object.defineProperty(applicator, "__esModule", { value: true });
	const additionalItems_1 = /*@__PURE__*/ requireAdditionalItems();
	const prefixItems_1 = /*@__PURE__*/ requirePrefixItems();
	const items_1 = /*@__PURE__*/ requireItems();
	const items2020_1 = /*@__PURE__*/ requireItems2020();
	const contains_1 = /*@__PURE__*/ requireContains();
	const dependencies_1 = /*@__PURE__*/ requireDependencies();
	const propertyNames_1 = /*@__PURE__*/ requirePropertyNames();
	const additionalProperties_1 = /*@__PURE__*/ requireAdditionalProperties();
	const properties_1 = /*@__PURE__*/ requireProperties();
	const patternProperties_1 = /*@__PURE__*/ requirePatternProperties();
	const not_1 = /*@__PURE__*/ requireNot();
	const anyOf_1 = /*@__PURE__*/ requireAnyOf();
	const oneOf_1 = /*@__PURE__*/ requireOneOf();
	const allOf_1 = /*@__PURE__*/ requireAllOf();
	const if_1 = /*@__PURE__*/ require_if();
	const thenElse_1 = /*@__PURE__*/ requireThenElse();
	function getApplicator(draft2020 = false) {
	    const applicator = [
	        // any
	        not_1.default,
	        anyOf_1.default,
	        oneOf_1.default,
	        allOf_1.default,
	        if_1.default,
	        thenElse_1.default,
	        // object
	        propertyNames_1.default,
	        additionalProperties_1.default,
	        dependencies_1.default,
	        properties_1.default,
	        patternProperties_1.default,
	    ];
	    // array
	    if (draft2020)
	        applicator.push(prefixItems_1.default, items2020_1.default);
	    else
	        applicator.push(additionalItems_1.default, items_1.default);
	    applicator.push(contains_1.default);
	    return applicator;
	}
	applicator.default = getApplicator;
	
	return applicator;
}

var format$1 = {};

var format = {};

var hasRequiredFormat$1;

function requireFormat$1 () {
	if (hasRequiredFormat$1) return format;
	hasRequiredFormat$1 = 1;
	Object.defineProperty(format, "__esModule", { value: true });
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const error = {
	    message: ({ schemaCode }) => (0, codegen_1.str) `must match format "${schemaCode}"`,
	    params: ({ schemaCode }) => (0, codegen_1._) `{format: ${schemaCode}}`,
	};
	const def = {
	    keyword: "format",
	    type: ["number", "string"],
	    schemaType: "string",
	    $data: true,
	    error,
	    code(cxt, ruleType) {
	        const { gen, data, $data, schema, schemaCode, it } = cxt;
	        const { opts, errSchemaPath, schemaEnv, self } = it;
	        if (!opts.validateFormats)
	            return;
	        if ($data)
	            validate$DataFormat();
	        else
	            validateFormat();
	        function validate$DataFormat() {
	            const fmts = gen.scopeValue("formats", {
	                ref: self.formats,
	                code: opts.code.formats,
	            });
	            const fDef = gen.const("fDef", (0, codegen_1._) `${fmts}[${schemaCode}]`);
	            const fType = gen.let("fType");
	            const format = gen.let("format");
	            // TODO simplify
	            gen.if((0, codegen_1._) `typeof ${fDef} == "object" && !(${fDef} instanceof RegExp)`, () => gen.assign(fType, (0, codegen_1._) `${fDef}.type || "string"`).assign(format, (0, codegen_1._) `${fDef}.validate`), () => gen.assign(fType, (0, codegen_1._) `"string"`).assign(format, fDef));
	            cxt.fail$data((0, codegen_1.or)(unknownFmt(), invalidFmt()));
	            function unknownFmt() {
	                if (opts.strictSchema === false)
	                    return codegen_1.nil;
	                return (0, codegen_1._) `${schemaCode} && !${format}`;
	            }
	            function invalidFmt() {
	                const callFormat = schemaEnv.$async
	                    ? (0, codegen_1._) `(${fDef}.async ? await ${format}(${data}) : ${format}(${data}))`
	                    : (0, codegen_1._) `${format}(${data})`;
	                const validData = (0, codegen_1._) `(typeof ${format} == "function" ? ${callFormat} : ${format}.test(${data}))`;
	                return (0, codegen_1._) `${format} && ${format} !== true && ${fType} === ${ruleType} && !${validData}`;
	            }
	        }
	        function validateFormat() {
	            const formatDef = self.formats[schema];
	            if (!formatDef) {
	                unknownFormat();
	                return;
	            }
	            if (formatDef === true)
	                return;
	            const [fmtType, format, fmtRef] = getFormat(formatDef);
	            if (fmtType === ruleType)
	                cxt.pass(validCondition());
	            function unknownFormat() {
	                if (opts.strictSchema === false) {
	                    self.logger.warn(unknownMsg());
	                    return;
	                }
	                throw new Error(unknownMsg());
	                function unknownMsg() {
	                    return `unknown format "${schema}" ignored in schema at path "${errSchemaPath}"`;
	                }
	            }
	            function getFormat(fmtDef) {
	                const code = fmtDef instanceof RegExp
	                    ? (0, codegen_1.regexpCode)(fmtDef)
	                    : opts.code.formats
	                        ? (0, codegen_1._) `${opts.code.formats}${(0, codegen_1.getProperty)(schema)}`
	                        : undefined;
	                const fmt = gen.scopeValue("formats", { key: schema, ref: fmtDef, code });
	                if (typeof fmtDef == "object" && !(fmtDef instanceof RegExp)) {
	                    return [fmtDef.type || "string", fmtDef.validate, (0, codegen_1._) `${fmt}.validate`];
	                }
	                return ["string", fmtDef, fmt];
	            }
	            function validCondition() {
	                if (typeof formatDef == "object" && !(formatDef instanceof RegExp) && formatDef.async) {
	                    if (!schemaEnv.$async)
	                        throw new Error("async format in sync schema");
	                    return (0, codegen_1._) `await ${fmtRef}(${data})`;
	                }
	                return typeof format == "function" ? (0, codegen_1._) `${fmtRef}(${data})` : (0, codegen_1._) `${fmtRef}.test(${data})`;
	            }
	        }
	    },
	};
	format.default = def;
	
	return format;
}

var hasRequiredFormat;

function requireFormat () {
	if (hasRequiredFormat) return format$1;
	hasRequiredFormat = 1;
	Object.defineProperty(format$1, "__esModule", { value: true });
	const format_1 = /*@__PURE__*/ requireFormat$1();
	const format = [format_1.default];
	format$1.default = format;
	
	return format$1;
}

var metadata = {};

var hasRequiredMetadata;

function requireMetadata () {
	if (hasRequiredMetadata) return metadata;
	hasRequiredMetadata = 1;
	Object.defineProperty(metadata, "__esModule", { value: true });
	metadata.contentVocabulary = metadata.metadataVocabulary = void 0;
	metadata.metadataVocabulary = [
	    "title",
	    "description",
	    "default",
	    "deprecated",
	    "readOnly",
	    "writeOnly",
	    "examples",
	];
	metadata.contentVocabulary = [
	    "contentMediaType",
	    "contentEncoding",
	    "contentSchema",
	];
	
	return metadata;
}

var hasRequiredDraft7;

function requireDraft7 () {
	if (hasRequiredDraft7) return draft7;
	hasRequiredDraft7 = 1;
	Object.defineProperty(draft7, "__esModule", { value: true });
	const core_1 = /*@__PURE__*/ requireCore();
	const validation_1 = /*@__PURE__*/ requireValidation();
	const applicator_1 = /*@__PURE__*/ requireApplicator();
	const format_1 = /*@__PURE__*/ requireFormat();
	const metadata_1 = /*@__PURE__*/ requireMetadata();
	const draft7Vocabularies = [
	    core_1.default,
	    validation_1.default,
	    (0, applicator_1.default)(),
	    format_1.default,
	    metadata_1.metadataVocabulary,
	    metadata_1.contentVocabulary,
	];
	draft7.default = draft7Vocabularies;
	
	return draft7;
}

var discriminator = {};

var types = {};

var hasRequiredTypes;

function requireTypes () {
	if (hasRequiredTypes) return types;
	hasRequiredTypes = 1;
	Object.defineProperty(types, "__esModule", { value: true });
	types.DiscrError = void 0;
	var DiscrError;
	(function (DiscrError) {
	    DiscrError["Tag"] = "tag";
	    DiscrError["Mapping"] = "mapping";
	})(DiscrError || (types.DiscrError = DiscrError = {}));
	
	return types;
}

var hasRequiredDiscriminator;

function requireDiscriminator () {
	if (hasRequiredDiscriminator) return discriminator;
	hasRequiredDiscriminator = 1;
	Object.defineProperty(discriminator, "__esModule", { value: true });
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const types_1 = /*@__PURE__*/ requireTypes();
	const compile_1 = /*@__PURE__*/ requireCompile();
	const ref_error_1 = /*@__PURE__*/ requireRef_error();
	const util_1 = /*@__PURE__*/ requireUtil();
	const error = {
	    message: ({ params: { discrError, tagName } }) => discrError === types_1.DiscrError.Tag
	        ? `tag "${tagName}" must be string`
	        : `value of tag "${tagName}" must be in oneOf`,
	    params: ({ params: { discrError, tag, tagName } }) => (0, codegen_1._) `{error: ${discrError}, tag: ${tagName}, tagValue: ${tag}}`,
	};
	const def = {
	    keyword: "discriminator",
	    type: "object",
	    schemaType: "object",
	    error,
	    code(cxt) {
	        const { gen, data, schema, parentSchema, it } = cxt;
	        const { oneOf } = parentSchema;
	        if (!it.opts.discriminator) {
	            throw new Error("discriminator: requires discriminator option");
	        }
	        const tagName = schema.propertyName;
	        if (typeof tagName != "string")
	            throw new Error("discriminator: requires propertyName");
	        if (schema.mapping)
	            throw new Error("discriminator: mapping is not supported");
	        if (!oneOf)
	            throw new Error("discriminator: requires oneOf keyword");
	        const valid = gen.let("valid", false);
	        const tag = gen.const("tag", (0, codegen_1._) `${data}${(0, codegen_1.getProperty)(tagName)}`);
	        gen.if((0, codegen_1._) `typeof ${tag} == "string"`, () => validateMapping(), () => cxt.error(false, { discrError: types_1.DiscrError.Tag, tag, tagName }));
	        cxt.ok(valid);
	        function validateMapping() {
	            const mapping = getMapping();
	            gen.if(false);
	            for (const tagValue in mapping) {
	                gen.elseIf((0, codegen_1._) `${tag} === ${tagValue}`);
	                gen.assign(valid, applyTagSchema(mapping[tagValue]));
	            }
	            gen.else();
	            cxt.error(false, { discrError: types_1.DiscrError.Mapping, tag, tagName });
	            gen.endIf();
	        }
	        function applyTagSchema(schemaProp) {
	            const _valid = gen.name("valid");
	            const schCxt = cxt.subschema({ keyword: "oneOf", schemaProp }, _valid);
	            cxt.mergeEvaluated(schCxt, codegen_1.Name);
	            return _valid;
	        }
	        function getMapping() {
	            var _a;
	            const oneOfMapping = {};
	            const topRequired = hasRequired(parentSchema);
	            let tagRequired = true;
	            for (let i = 0; i < oneOf.length; i++) {
	                let sch = oneOf[i];
	                if ((sch === null || sch === void 0 ? void 0 : sch.$ref) && !(0, util_1.schemaHasRulesButRef)(sch, it.self.RULES)) {
	                    const ref = sch.$ref;
	                    sch = compile_1.resolveRef.call(it.self, it.schemaEnv.root, it.baseId, ref);
	                    if (sch instanceof compile_1.SchemaEnv)
	                        sch = sch.schema;
	                    if (sch === undefined)
	                        throw new ref_error_1.default(it.opts.uriResolver, it.baseId, ref);
	                }
	                const propSch = (_a = sch === null || sch === void 0 ? void 0 : sch.properties) === null || _a === void 0 ? void 0 : _a[tagName];
	                if (typeof propSch != "object") {
	                    throw new Error(`discriminator: oneOf subschemas (or referenced schemas) must have "properties/${tagName}"`);
	                }
	                tagRequired = tagRequired && (topRequired || hasRequired(sch));
	                addMappings(propSch, i);
	            }
	            if (!tagRequired)
	                throw new Error(`discriminator: "${tagName}" must be required`);
	            return oneOfMapping;
	            function hasRequired({ required }) {
	                return Array.isArray(required) && required.includes(tagName);
	            }
	            function addMappings(sch, i) {
	                if (sch.const) {
	                    addMapping(sch.const, i);
	                }
	                else if (sch.enum) {
	                    for (const tagValue of sch.enum) {
	                        addMapping(tagValue, i);
	                    }
	                }
	                else {
	                    throw new Error(`discriminator: "properties/${tagName}" must have "const" or "enum"`);
	                }
	            }
	            function addMapping(tagValue, i) {
	                if (typeof tagValue != "string" || tagValue in oneOfMapping) {
	                    throw new Error(`discriminator: "${tagName}" values must be unique strings`);
	                }
	                oneOfMapping[tagValue] = i;
	            }
	        }
	    },
	};
	discriminator.default = def;
	
	return discriminator;
}

var $schema$2 = "http://json-schema.org/draft-07/schema#";
var $id$2 = "http://json-schema.org/draft-07/schema#";
var title$2 = "Core schema meta-schema";
var definitions = {
	schemaArray: {
		type: "array",
		minItems: 1,
		items: {
			$ref: "#"
		}
	},
	nonNegativeInteger: {
		type: "integer",
		minimum: 0
	},
	nonNegativeIntegerDefault0: {
		allOf: [
			{
				$ref: "#/definitions/nonNegativeInteger"
			},
			{
				"default": 0
			}
		]
	},
	simpleTypes: {
		"enum": [
			"array",
			"boolean",
			"integer",
			"null",
			"number",
			"object",
			"string"
		]
	},
	stringArray: {
		type: "array",
		items: {
			type: "string"
		},
		uniqueItems: true,
		"default": [
		]
	}
};
var type$2 = [
	"object",
	"boolean"
];
var properties$2 = {
	$id: {
		type: "string",
		format: "uri-reference"
	},
	$schema: {
		type: "string",
		format: "uri"
	},
	$ref: {
		type: "string",
		format: "uri-reference"
	},
	$comment: {
		type: "string"
	},
	title: {
		type: "string"
	},
	description: {
		type: "string"
	},
	"default": true,
	readOnly: {
		type: "boolean",
		"default": false
	},
	examples: {
		type: "array",
		items: true
	},
	multipleOf: {
		type: "number",
		exclusiveMinimum: 0
	},
	maximum: {
		type: "number"
	},
	exclusiveMaximum: {
		type: "number"
	},
	minimum: {
		type: "number"
	},
	exclusiveMinimum: {
		type: "number"
	},
	maxLength: {
		$ref: "#/definitions/nonNegativeInteger"
	},
	minLength: {
		$ref: "#/definitions/nonNegativeIntegerDefault0"
	},
	pattern: {
		type: "string",
		format: "regex"
	},
	additionalItems: {
		$ref: "#"
	},
	items: {
		anyOf: [
			{
				$ref: "#"
			},
			{
				$ref: "#/definitions/schemaArray"
			}
		],
		"default": true
	},
	maxItems: {
		$ref: "#/definitions/nonNegativeInteger"
	},
	minItems: {
		$ref: "#/definitions/nonNegativeIntegerDefault0"
	},
	uniqueItems: {
		type: "boolean",
		"default": false
	},
	contains: {
		$ref: "#"
	},
	maxProperties: {
		$ref: "#/definitions/nonNegativeInteger"
	},
	minProperties: {
		$ref: "#/definitions/nonNegativeIntegerDefault0"
	},
	required: {
		$ref: "#/definitions/stringArray"
	},
	additionalProperties: {
		$ref: "#"
	},
	definitions: {
		type: "object",
		additionalProperties: {
			$ref: "#"
		},
		"default": {
		}
	},
	properties: {
		type: "object",
		additionalProperties: {
			$ref: "#"
		},
		"default": {
		}
	},
	patternProperties: {
		type: "object",
		additionalProperties: {
			$ref: "#"
		},
		propertyNames: {
			format: "regex"
		},
		"default": {
		}
	},
	dependencies: {
		type: "object",
		additionalProperties: {
			anyOf: [
				{
					$ref: "#"
				},
				{
					$ref: "#/definitions/stringArray"
				}
			]
		}
	},
	propertyNames: {
		$ref: "#"
	},
	"const": true,
	"enum": {
		type: "array",
		items: true,
		minItems: 1,
		uniqueItems: true
	},
	type: {
		anyOf: [
			{
				$ref: "#/definitions/simpleTypes"
			},
			{
				type: "array",
				items: {
					$ref: "#/definitions/simpleTypes"
				},
				minItems: 1,
				uniqueItems: true
			}
		]
	},
	format: {
		type: "string"
	},
	contentMediaType: {
		type: "string"
	},
	contentEncoding: {
		type: "string"
	},
	"if": {
		$ref: "#"
	},
	then: {
		$ref: "#"
	},
	"else": {
		$ref: "#"
	},
	allOf: {
		$ref: "#/definitions/schemaArray"
	},
	anyOf: {
		$ref: "#/definitions/schemaArray"
	},
	oneOf: {
		$ref: "#/definitions/schemaArray"
	},
	not: {
		$ref: "#"
	}
};
var require$$3 = {
	$schema: $schema$2,
	$id: $id$2,
	title: title$2,
	definitions: definitions,
	type: type$2,
	properties: properties$2,
	"default": true
};

var hasRequiredAjv;

function requireAjv () {
	if (hasRequiredAjv) return ajv$2.exports;
	hasRequiredAjv = 1;
	(function (module, exports) {
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.MissingRefError = exports.ValidationError = exports.CodeGen = exports.Name = exports.nil = exports.stringify = exports.str = exports._ = exports.KeywordCxt = exports.Ajv = void 0;
		const core_1 = /*@__PURE__*/ requireCore$1();
		const draft7_1 = /*@__PURE__*/ requireDraft7();
		const discriminator_1 = /*@__PURE__*/ requireDiscriminator();
		const draft7MetaSchema = require$$3;
		const META_SUPPORT_DATA = ["/properties"];
		const META_SCHEMA_ID = "http://json-schema.org/draft-07/schema";
		class Ajv extends core_1.default {
		    _addVocabularies() {
		        super._addVocabularies();
		        draft7_1.default.forEach((v) => this.addVocabulary(v));
		        if (this.opts.discriminator)
		            this.addKeyword(discriminator_1.default);
		    }
		    _addDefaultMetaSchema() {
		        super._addDefaultMetaSchema();
		        if (!this.opts.meta)
		            return;
		        const metaSchema = this.opts.$data
		            ? this.$dataMetaSchema(draft7MetaSchema, META_SUPPORT_DATA)
		            : draft7MetaSchema;
		        this.addMetaSchema(metaSchema, META_SCHEMA_ID, false);
		        this.refs["http://json-schema.org/schema"] = META_SCHEMA_ID;
		    }
		    defaultMeta() {
		        return (this.opts.defaultMeta =
		            super.defaultMeta() || (this.getSchema(META_SCHEMA_ID) ? META_SCHEMA_ID : undefined));
		    }
		}
		exports.Ajv = Ajv;
		module.exports = exports = Ajv;
		module.exports.Ajv = Ajv;
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.default = Ajv;
		var validate_1 = /*@__PURE__*/ requireValidate();
		Object.defineProperty(exports, "KeywordCxt", { enumerable: true, get: function () { return validate_1.KeywordCxt; } });
		var codegen_1 = /*@__PURE__*/ requireCodegen();
		Object.defineProperty(exports, "_", { enumerable: true, get: function () { return codegen_1._; } });
		Object.defineProperty(exports, "str", { enumerable: true, get: function () { return codegen_1.str; } });
		Object.defineProperty(exports, "stringify", { enumerable: true, get: function () { return codegen_1.stringify; } });
		Object.defineProperty(exports, "nil", { enumerable: true, get: function () { return codegen_1.nil; } });
		Object.defineProperty(exports, "Name", { enumerable: true, get: function () { return codegen_1.Name; } });
		Object.defineProperty(exports, "CodeGen", { enumerable: true, get: function () { return codegen_1.CodeGen; } });
		var validation_error_1 = /*@__PURE__*/ requireValidation_error();
		Object.defineProperty(exports, "ValidationError", { enumerable: true, get: function () { return validation_error_1.default; } });
		var ref_error_1 = /*@__PURE__*/ requireRef_error();
		Object.defineProperty(exports, "MissingRefError", { enumerable: true, get: function () { return ref_error_1.default; } });
		
	} (ajv$2, ajv$2.exports));
	return ajv$2.exports;
}

var ajvExports = /*@__PURE__*/ requireAjv();

var dist = {};

var composer = {};

var directives = {};

var identity = {};

var hasRequiredIdentity;

function requireIdentity () {
	if (hasRequiredIdentity) return identity;
	hasRequiredIdentity = 1;

	const ALIAS = Symbol.for('yaml.alias');
	const DOC = Symbol.for('yaml.document');
	const MAP = Symbol.for('yaml.map');
	const PAIR = Symbol.for('yaml.pair');
	const SCALAR = Symbol.for('yaml.scalar');
	const SEQ = Symbol.for('yaml.seq');
	const NODE_TYPE = Symbol.for('yaml.node.type');
	const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
	const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
	const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
	const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
	const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
	const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
	function isCollection(node) {
	    if (node && typeof node === 'object')
	        switch (node[NODE_TYPE]) {
	            case MAP:
	            case SEQ:
	                return true;
	        }
	    return false;
	}
	function isNode(node) {
	    if (node && typeof node === 'object')
	        switch (node[NODE_TYPE]) {
	            case ALIAS:
	            case MAP:
	            case SCALAR:
	            case SEQ:
	                return true;
	        }
	    return false;
	}
	const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

	identity.ALIAS = ALIAS;
	identity.DOC = DOC;
	identity.MAP = MAP;
	identity.NODE_TYPE = NODE_TYPE;
	identity.PAIR = PAIR;
	identity.SCALAR = SCALAR;
	identity.SEQ = SEQ;
	identity.hasAnchor = hasAnchor;
	identity.isAlias = isAlias;
	identity.isCollection = isCollection;
	identity.isDocument = isDocument;
	identity.isMap = isMap;
	identity.isNode = isNode;
	identity.isPair = isPair;
	identity.isScalar = isScalar;
	identity.isSeq = isSeq;
	return identity;
}

var visit = {};

var hasRequiredVisit;

function requireVisit () {
	if (hasRequiredVisit) return visit;
	hasRequiredVisit = 1;

	var identity = requireIdentity();

	const BREAK = Symbol('break visit');
	const SKIP = Symbol('skip children');
	const REMOVE = Symbol('remove node');
	/**
	 * Apply a visitor to an AST node or document.
	 *
	 * Walks through the tree (depth-first) starting from `node`, calling a
	 * `visitor` function with three arguments:
	 *   - `key`: For sequence values and map `Pair`, the node's index in the
	 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
	 *     `null` for the root node.
	 *   - `node`: The current node.
	 *   - `path`: The ancestry of the current node.
	 *
	 * The return value of the visitor may be used to control the traversal:
	 *   - `undefined` (default): Do nothing and continue
	 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
	 *     sibling
	 *   - `visit.BREAK`: Terminate traversal completely
	 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
	 *   - `Node`: Replace the current node, then continue by visiting it
	 *   - `number`: While iterating the items of a sequence or map, set the index
	 *     of the next step. This is useful especially if the index of the current
	 *     node has changed.
	 *
	 * If `visitor` is a single function, it will be called with all values
	 * encountered in the tree, including e.g. `null` values. Alternatively,
	 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
	 * `Alias` and `Scalar` node. To define the same visitor function for more than
	 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
	 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
	 * specific defined one will be used for each node.
	 */
	function visit$1(node, visitor) {
	    const visitor_ = initVisitor(visitor);
	    if (identity.isDocument(node)) {
	        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
	        if (cd === REMOVE)
	            node.contents = null;
	    }
	    else
	        visit_(null, node, visitor_, Object.freeze([]));
	}
	// Without the `as symbol` casts, TS declares these in the `visit`
	// namespace using `var`, but then complains about that because
	// `unique symbol` must be `const`.
	/** Terminate visit traversal completely */
	visit$1.BREAK = BREAK;
	/** Do not visit the children of the current node */
	visit$1.SKIP = SKIP;
	/** Remove the current node */
	visit$1.REMOVE = REMOVE;
	function visit_(key, node, visitor, path) {
	    const ctrl = callVisitor(key, node, visitor, path);
	    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
	        replaceNode(key, path, ctrl);
	        return visit_(key, ctrl, visitor, path);
	    }
	    if (typeof ctrl !== 'symbol') {
	        if (identity.isCollection(node)) {
	            path = Object.freeze(path.concat(node));
	            for (let i = 0; i < node.items.length; ++i) {
	                const ci = visit_(i, node.items[i], visitor, path);
	                if (typeof ci === 'number')
	                    i = ci - 1;
	                else if (ci === BREAK)
	                    return BREAK;
	                else if (ci === REMOVE) {
	                    node.items.splice(i, 1);
	                    i -= 1;
	                }
	            }
	        }
	        else if (identity.isPair(node)) {
	            path = Object.freeze(path.concat(node));
	            const ck = visit_('key', node.key, visitor, path);
	            if (ck === BREAK)
	                return BREAK;
	            else if (ck === REMOVE)
	                node.key = null;
	            const cv = visit_('value', node.value, visitor, path);
	            if (cv === BREAK)
	                return BREAK;
	            else if (cv === REMOVE)
	                node.value = null;
	        }
	    }
	    return ctrl;
	}
	/**
	 * Apply an async visitor to an AST node or document.
	 *
	 * Walks through the tree (depth-first) starting from `node`, calling a
	 * `visitor` function with three arguments:
	 *   - `key`: For sequence values and map `Pair`, the node's index in the
	 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
	 *     `null` for the root node.
	 *   - `node`: The current node.
	 *   - `path`: The ancestry of the current node.
	 *
	 * The return value of the visitor may be used to control the traversal:
	 *   - `Promise`: Must resolve to one of the following values
	 *   - `undefined` (default): Do nothing and continue
	 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
	 *     sibling
	 *   - `visit.BREAK`: Terminate traversal completely
	 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
	 *   - `Node`: Replace the current node, then continue by visiting it
	 *   - `number`: While iterating the items of a sequence or map, set the index
	 *     of the next step. This is useful especially if the index of the current
	 *     node has changed.
	 *
	 * If `visitor` is a single function, it will be called with all values
	 * encountered in the tree, including e.g. `null` values. Alternatively,
	 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
	 * `Alias` and `Scalar` node. To define the same visitor function for more than
	 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
	 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
	 * specific defined one will be used for each node.
	 */
	async function visitAsync(node, visitor) {
	    const visitor_ = initVisitor(visitor);
	    if (identity.isDocument(node)) {
	        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
	        if (cd === REMOVE)
	            node.contents = null;
	    }
	    else
	        await visitAsync_(null, node, visitor_, Object.freeze([]));
	}
	// Without the `as symbol` casts, TS declares these in the `visit`
	// namespace using `var`, but then complains about that because
	// `unique symbol` must be `const`.
	/** Terminate visit traversal completely */
	visitAsync.BREAK = BREAK;
	/** Do not visit the children of the current node */
	visitAsync.SKIP = SKIP;
	/** Remove the current node */
	visitAsync.REMOVE = REMOVE;
	async function visitAsync_(key, node, visitor, path) {
	    const ctrl = await callVisitor(key, node, visitor, path);
	    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
	        replaceNode(key, path, ctrl);
	        return visitAsync_(key, ctrl, visitor, path);
	    }
	    if (typeof ctrl !== 'symbol') {
	        if (identity.isCollection(node)) {
	            path = Object.freeze(path.concat(node));
	            for (let i = 0; i < node.items.length; ++i) {
	                const ci = await visitAsync_(i, node.items[i], visitor, path);
	                if (typeof ci === 'number')
	                    i = ci - 1;
	                else if (ci === BREAK)
	                    return BREAK;
	                else if (ci === REMOVE) {
	                    node.items.splice(i, 1);
	                    i -= 1;
	                }
	            }
	        }
	        else if (identity.isPair(node)) {
	            path = Object.freeze(path.concat(node));
	            const ck = await visitAsync_('key', node.key, visitor, path);
	            if (ck === BREAK)
	                return BREAK;
	            else if (ck === REMOVE)
	                node.key = null;
	            const cv = await visitAsync_('value', node.value, visitor, path);
	            if (cv === BREAK)
	                return BREAK;
	            else if (cv === REMOVE)
	                node.value = null;
	        }
	    }
	    return ctrl;
	}
	function initVisitor(visitor) {
	    if (typeof visitor === 'object' &&
	        (visitor.Collection || visitor.Node || visitor.Value)) {
	        return Object.assign({
	            Alias: visitor.Node,
	            Map: visitor.Node,
	            Scalar: visitor.Node,
	            Seq: visitor.Node
	        }, visitor.Value && {
	            Map: visitor.Value,
	            Scalar: visitor.Value,
	            Seq: visitor.Value
	        }, visitor.Collection && {
	            Map: visitor.Collection,
	            Seq: visitor.Collection
	        }, visitor);
	    }
	    return visitor;
	}
	function callVisitor(key, node, visitor, path) {
	    if (typeof visitor === 'function')
	        return visitor(key, node, path);
	    if (identity.isMap(node))
	        return visitor.Map?.(key, node, path);
	    if (identity.isSeq(node))
	        return visitor.Seq?.(key, node, path);
	    if (identity.isPair(node))
	        return visitor.Pair?.(key, node, path);
	    if (identity.isScalar(node))
	        return visitor.Scalar?.(key, node, path);
	    if (identity.isAlias(node))
	        return visitor.Alias?.(key, node, path);
	    return undefined;
	}
	function replaceNode(key, path, node) {
	    const parent = path[path.length - 1];
	    if (identity.isCollection(parent)) {
	        parent.items[key] = node;
	    }
	    else if (identity.isPair(parent)) {
	        if (key === 'key')
	            parent.key = node;
	        else
	            parent.value = node;
	    }
	    else if (identity.isDocument(parent)) {
	        parent.contents = node;
	    }
	    else {
	        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
	        throw new Error(`Cannot replace node with ${pt} parent`);
	    }
	}

	visit.visit = visit$1;
	visit.visitAsync = visitAsync;
	return visit;
}

var hasRequiredDirectives;

function requireDirectives () {
	if (hasRequiredDirectives) return directives;
	hasRequiredDirectives = 1;

	var identity = requireIdentity();
	var visit = requireVisit();

	const escapeChars = {
	    '!': '%21',
	    ',': '%2C',
	    '[': '%5B',
	    ']': '%5D',
	    '{': '%7B',
	    '}': '%7D'
	};
	const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
	class Directives {
	    constructor(yaml, tags) {
	        /**
	         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
	         * included in the document's stringified representation.
	         */
	        this.docStart = null;
	        /** The doc-end marker `...`.  */
	        this.docEnd = false;
	        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
	        this.tags = Object.assign({}, Directives.defaultTags, tags);
	    }
	    clone() {
	        const copy = new Directives(this.yaml, this.tags);
	        copy.docStart = this.docStart;
	        return copy;
	    }
	    /**
	     * During parsing, get a Directives instance for the current document and
	     * update the stream state according to the current version's spec.
	     */
	    atDocument() {
	        const res = new Directives(this.yaml, this.tags);
	        switch (this.yaml.version) {
	            case '1.1':
	                this.atNextDocument = true;
	                break;
	            case '1.2':
	                this.atNextDocument = false;
	                this.yaml = {
	                    explicit: Directives.defaultYaml.explicit,
	                    version: '1.2'
	                };
	                this.tags = Object.assign({}, Directives.defaultTags);
	                break;
	        }
	        return res;
	    }
	    /**
	     * @param onError - May be called even if the action was successful
	     * @returns `true` on success
	     */
	    add(line, onError) {
	        if (this.atNextDocument) {
	            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
	            this.tags = Object.assign({}, Directives.defaultTags);
	            this.atNextDocument = false;
	        }
	        const parts = line.trim().split(/[ \t]+/);
	        const name = parts.shift();
	        switch (name) {
	            case '%TAG': {
	                if (parts.length !== 2) {
	                    onError(0, '%TAG directive should contain exactly two parts');
	                    if (parts.length < 2)
	                        return false;
	                }
	                const [handle, prefix] = parts;
	                this.tags[handle] = prefix;
	                return true;
	            }
	            case '%YAML': {
	                this.yaml.explicit = true;
	                if (parts.length !== 1) {
	                    onError(0, '%YAML directive should contain exactly one part');
	                    return false;
	                }
	                const [version] = parts;
	                if (version === '1.1' || version === '1.2') {
	                    this.yaml.version = version;
	                    return true;
	                }
	                else {
	                    const isValid = /^\d+\.\d+$/.test(version);
	                    onError(6, `Unsupported YAML version ${version}`, isValid);
	                    return false;
	                }
	            }
	            default:
	                onError(0, `Unknown directive ${name}`, true);
	                return false;
	        }
	    }
	    /**
	     * Resolves a tag, matching handles to those defined in %TAG directives.
	     *
	     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
	     *   `'!local'` tag, or `null` if unresolvable.
	     */
	    tagName(source, onError) {
	        if (source === '!')
	            return '!'; // non-specific tag
	        if (source[0] !== '!') {
	            onError(`Not a valid tag: ${source}`);
	            return null;
	        }
	        if (source[1] === '<') {
	            const verbatim = source.slice(2, -1);
	            if (verbatim === '!' || verbatim === '!!') {
	                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
	                return null;
	            }
	            if (source[source.length - 1] !== '>')
	                onError('Verbatim tags must end with a >');
	            return verbatim;
	        }
	        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
	        if (!suffix)
	            onError(`The ${source} tag has no suffix`);
	        const prefix = this.tags[handle];
	        if (prefix) {
	            try {
	                return prefix + decodeURIComponent(suffix);
	            }
	            catch (error) {
	                onError(String(error));
	                return null;
	            }
	        }
	        if (handle === '!')
	            return source; // local tag
	        onError(`Could not resolve tag: ${source}`);
	        return null;
	    }
	    /**
	     * Given a fully resolved tag, returns its printable string form,
	     * taking into account current tag prefixes and defaults.
	     */
	    tagString(tag) {
	        for (const [handle, prefix] of Object.entries(this.tags)) {
	            if (tag.startsWith(prefix))
	                return handle + escapeTagName(tag.substring(prefix.length));
	        }
	        return tag[0] === '!' ? tag : `!<${tag}>`;
	    }
	    toString(doc) {
	        const lines = this.yaml.explicit
	            ? [`%YAML ${this.yaml.version || '1.2'}`]
	            : [];
	        const tagEntries = Object.entries(this.tags);
	        let tagNames;
	        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
	            const tags = {};
	            visit.visit(doc.contents, (_key, node) => {
	                if (identity.isNode(node) && node.tag)
	                    tags[node.tag] = true;
	            });
	            tagNames = Object.keys(tags);
	        }
	        else
	            tagNames = [];
	        for (const [handle, prefix] of tagEntries) {
	            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
	                continue;
	            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
	                lines.push(`%TAG ${handle} ${prefix}`);
	        }
	        return lines.join('\n');
	    }
	}
	Directives.defaultYaml = { explicit: false, version: '1.2' };
	Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

	directives.Directives = Directives;
	return directives;
}

var Document = {};

var Alias = {};

var anchors = {};

var hasRequiredAnchors;

function requireAnchors () {
	if (hasRequiredAnchors) return anchors;
	hasRequiredAnchors = 1;

	var identity = requireIdentity();
	var visit = requireVisit();

	/**
	 * Verify that the input string is a valid anchor.
	 *
	 * Will throw on errors.
	 */
	function anchorIsValid(anchor) {
	    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
	        const sa = JSON.stringify(anchor);
	        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
	        throw new Error(msg);
	    }
	    return true;
	}
	function anchorNames(root) {
	    const anchors = new Set();
	    visit.visit(root, {
	        Value(_key, node) {
	            if (node.anchor)
	                anchors.add(node.anchor);
	        }
	    });
	    return anchors;
	}
	/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
	function findNewAnchor(prefix, exclude) {
	    for (let i = 1; true; ++i) {
	        const name = `${prefix}${i}`;
	        if (!exclude.has(name))
	            return name;
	    }
	}
	function createNodeAnchors(doc, prefix) {
	    const aliasObjects = [];
	    const sourceObjects = new Map();
	    let prevAnchors = null;
	    return {
	        onAnchor: (source) => {
	            aliasObjects.push(source);
	            prevAnchors ?? (prevAnchors = anchorNames(doc));
	            const anchor = findNewAnchor(prefix, prevAnchors);
	            prevAnchors.add(anchor);
	            return anchor;
	        },
	        /**
	         * With circular references, the source node is only resolved after all
	         * of its child nodes are. This is why anchors are set only after all of
	         * the nodes have been created.
	         */
	        setAnchors: () => {
	            for (const source of aliasObjects) {
	                const ref = sourceObjects.get(source);
	                if (typeof ref === 'object' &&
	                    ref.anchor &&
	                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
	                    ref.node.anchor = ref.anchor;
	                }
	                else {
	                    const error = new Error('Failed to resolve repeated object (this should not happen)');
	                    error.source = source;
	                    throw error;
	                }
	            }
	        },
	        sourceObjects
	    };
	}

	anchors.anchorIsValid = anchorIsValid;
	anchors.anchorNames = anchorNames;
	anchors.createNodeAnchors = createNodeAnchors;
	anchors.findNewAnchor = findNewAnchor;
	return anchors;
}

var Node = {};

var applyReviver = {};

var hasRequiredApplyReviver;

function requireApplyReviver () {
	if (hasRequiredApplyReviver) return applyReviver;
	hasRequiredApplyReviver = 1;

	/**
	 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
	 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
	 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
	 *
	 * Includes extensions for handling Map and Set objects.
	 */
	function applyReviver$1(reviver, obj, key, val) {
	    if (val && typeof val === 'object') {
	        if (Array.isArray(val)) {
	            for (let i = 0, len = val.length; i < len; ++i) {
	                const v0 = val[i];
	                const v1 = applyReviver$1(reviver, val, String(i), v0);
	                // eslint-disable-next-line @typescript-eslint/no-array-delete
	                if (v1 === undefined)
	                    delete val[i];
	                else if (v1 !== v0)
	                    val[i] = v1;
	            }
	        }
	        else if (val instanceof Map) {
	            for (const k of Array.from(val.keys())) {
	                const v0 = val.get(k);
	                const v1 = applyReviver$1(reviver, val, k, v0);
	                if (v1 === undefined)
	                    val.delete(k);
	                else if (v1 !== v0)
	                    val.set(k, v1);
	            }
	        }
	        else if (val instanceof Set) {
	            for (const v0 of Array.from(val)) {
	                const v1 = applyReviver$1(reviver, val, v0, v0);
	                if (v1 === undefined)
	                    val.delete(v0);
	                else if (v1 !== v0) {
	                    val.delete(v0);
	                    val.add(v1);
	                }
	            }
	        }
	        else {
	            for (const [k, v0] of Object.entries(val)) {
	                const v1 = applyReviver$1(reviver, val, k, v0);
	                if (v1 === undefined)
	                    delete val[k];
	                else if (v1 !== v0)
	                    val[k] = v1;
	            }
	        }
	    }
	    return reviver.call(obj, key, val);
	}

	applyReviver.applyReviver = applyReviver$1;
	return applyReviver;
}

var toJS = {};

var hasRequiredToJS;

function requireToJS () {
	if (hasRequiredToJS) return toJS;
	hasRequiredToJS = 1;

	var identity = requireIdentity();

	/**
	 * Recursively convert any node or its contents to native JavaScript
	 *
	 * @param value - The input value
	 * @param arg - If `value` defines a `toJSON()` method, use this
	 *   as its first argument
	 * @param ctx - Conversion context, originally set in Document#toJS(). If
	 *   `{ keep: true }` is not set, output should be suitable for JSON
	 *   stringification.
	 */
	function toJS$1(value, arg, ctx) {
	    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
	    if (Array.isArray(value))
	        return value.map((v, i) => toJS$1(v, String(i), ctx));
	    if (value && typeof value.toJSON === 'function') {
	        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
	        if (!ctx || !identity.hasAnchor(value))
	            return value.toJSON(arg, ctx);
	        const data = { aliasCount: 0, count: 1, res: undefined };
	        ctx.anchors.set(value, data);
	        ctx.onCreate = res => {
	            data.res = res;
	            delete ctx.onCreate;
	        };
	        const res = value.toJSON(arg, ctx);
	        if (ctx.onCreate)
	            ctx.onCreate(res);
	        return res;
	    }
	    if (typeof value === 'bigint' && !ctx?.keep)
	        return Number(value);
	    return value;
	}

	toJS.toJS = toJS$1;
	return toJS;
}

var hasRequiredNode;

function requireNode () {
	if (hasRequiredNode) return Node;
	hasRequiredNode = 1;

	var applyReviver = requireApplyReviver();
	var identity = requireIdentity();
	var toJS = requireToJS();

	class NodeBase {
	    constructor(type) {
	        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
	    }
	    /** Create a copy of this node.  */
	    clone() {
	        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
	        if (this.range)
	            copy.range = this.range.slice();
	        return copy;
	    }
	    /** A plain JavaScript representation of this node. */
	    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
	        if (!identity.isDocument(doc))
	            throw new TypeError('A document argument is required');
	        const ctx = {
	            anchors: new Map(),
	            doc,
	            keep: true,
	            mapAsMap: mapAsMap === true,
	            mapKeyWarned: false,
	            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
	        };
	        const res = toJS.toJS(this, '', ctx);
	        if (typeof onAnchor === 'function')
	            for (const { count, res } of ctx.anchors.values())
	                onAnchor(res, count);
	        return typeof reviver === 'function'
	            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
	            : res;
	    }
	}

	Node.NodeBase = NodeBase;
	return Node;
}

var hasRequiredAlias;

function requireAlias () {
	if (hasRequiredAlias) return Alias;
	hasRequiredAlias = 1;

	var anchors = requireAnchors();
	var visit = requireVisit();
	var identity = requireIdentity();
	var Node = requireNode();
	var toJS = requireToJS();

	let Alias$1 = class Alias extends Node.NodeBase {
	    constructor(source) {
	        super(identity.ALIAS);
	        this.source = source;
	        Object.defineProperty(this, 'tag', {
	            set() {
	                throw new Error('Alias nodes cannot have tags');
	            }
	        });
	    }
	    /**
	     * Resolve the value of this alias within `doc`, finding the last
	     * instance of the `source` anchor before this node.
	     */
	    resolve(doc, ctx) {
	        if (ctx?.maxAliasCount === 0)
	            throw new ReferenceError('Alias resolution is disabled');
	        let nodes;
	        if (ctx?.aliasResolveCache) {
	            nodes = ctx.aliasResolveCache;
	        }
	        else {
	            nodes = [];
	            visit.visit(doc, {
	                Node: (_key, node) => {
	                    if (identity.isAlias(node) || identity.hasAnchor(node))
	                        nodes.push(node);
	                }
	            });
	            if (ctx)
	                ctx.aliasResolveCache = nodes;
	        }
	        let found = undefined;
	        for (const node of nodes) {
	            if (node === this)
	                break;
	            if (node.anchor === this.source)
	                found = node;
	        }
	        if (found && ctx) {
	            const { anchors, doc, maxAliasCount } = ctx;
	            let data = anchors.get(found);
	            if (!data) {
	                // Resolve anchors for Node.prototype.toJS()
	                toJS.toJS(found, null, ctx);
	                data = anchors.get(found);
	            }
	            /* istanbul ignore if */
	            if (data?.res === undefined) {
	                const msg = 'This should not happen: Alias anchor was not resolved?';
	                throw new ReferenceError(msg);
	            }
	            if (maxAliasCount >= 0) {
	                data.count += 1;
	                if (data.aliasCount === 0)
	                    data.aliasCount = getAliasCount(doc, found, anchors);
	                if (data.count * data.aliasCount > maxAliasCount) {
	                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
	                    throw new ReferenceError(msg);
	                }
	            }
	        }
	        return found;
	    }
	    toJSON(_arg, ctx) {
	        if (!ctx)
	            return { source: this.source };
	        const source = this.resolve(ctx.doc, ctx);
	        if (!source) {
	            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
	            throw new ReferenceError(msg);
	        }
	        return ctx.anchors.get(source).res;
	    }
	    toString(ctx, _onComment, _onChompKeep) {
	        const src = `*${this.source}`;
	        if (ctx) {
	            anchors.anchorIsValid(this.source);
	            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
	                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
	                throw new Error(msg);
	            }
	            if (ctx.implicitKey)
	                return `${src} `;
	        }
	        return src;
	    }
	};
	function getAliasCount(doc, node, anchors) {
	    if (identity.isAlias(node)) {
	        const source = node.resolve(doc);
	        const anchor = anchors && source && anchors.get(source);
	        return anchor ? anchor.count * anchor.aliasCount : 0;
	    }
	    else if (identity.isCollection(node)) {
	        let count = 0;
	        for (const item of node.items) {
	            const c = getAliasCount(doc, item, anchors);
	            if (c > count)
	                count = c;
	        }
	        return count;
	    }
	    else if (identity.isPair(node)) {
	        const kc = getAliasCount(doc, node.key, anchors);
	        const vc = getAliasCount(doc, node.value, anchors);
	        return Math.max(kc, vc);
	    }
	    return 1;
	}

	Alias.Alias = Alias$1;
	return Alias;
}

var Collection = {};

var createNode = {};

var Scalar = {};

var hasRequiredScalar;

function requireScalar () {
	if (hasRequiredScalar) return Scalar;
	hasRequiredScalar = 1;

	var identity = requireIdentity();
	var Node = requireNode();
	var toJS = requireToJS();

	const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
	let Scalar$1 = class Scalar extends Node.NodeBase {
	    constructor(value) {
	        super(identity.SCALAR);
	        this.value = value;
	    }
	    toJSON(arg, ctx) {
	        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
	    }
	    toString() {
	        return String(this.value);
	    }
	};
	Scalar$1.BLOCK_FOLDED = 'BLOCK_FOLDED';
	Scalar$1.BLOCK_LITERAL = 'BLOCK_LITERAL';
	Scalar$1.PLAIN = 'PLAIN';
	Scalar$1.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
	Scalar$1.QUOTE_SINGLE = 'QUOTE_SINGLE';

	Scalar.Scalar = Scalar$1;
	Scalar.isScalarValue = isScalarValue;
	return Scalar;
}

var hasRequiredCreateNode;

function requireCreateNode () {
	if (hasRequiredCreateNode) return createNode;
	hasRequiredCreateNode = 1;

	var Alias = requireAlias();
	var identity = requireIdentity();
	var Scalar = requireScalar();

	const defaultTagPrefix = 'tag:yaml.org,2002:';
	function findTagObject(value, tagName, tags) {
	    if (tagName) {
	        const match = tags.filter(t => t.tag === tagName);
	        const tagObj = match.find(t => !t.format) ?? match[0];
	        if (!tagObj)
	            throw new Error(`Tag ${tagName} not found`);
	        return tagObj;
	    }
	    return tags.find(t => t.identify?.(value) && !t.format);
	}
	function createNode$1(value, tagName, ctx) {
	    if (identity.isDocument(value))
	        value = value.contents;
	    if (identity.isNode(value))
	        return value;
	    if (identity.isPair(value)) {
	        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
	        map.items.push(value);
	        return map;
	    }
	    if (value instanceof String ||
	        value instanceof Number ||
	        value instanceof Boolean ||
	        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
	    ) {
	        // https://tc39.es/ecma262/#sec-serializejsonproperty
	        value = value.valueOf();
	    }
	    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
	    // Detect duplicate references to the same object & use Alias nodes for all
	    // after first. The `ref` wrapper allows for circular references to resolve.
	    let ref = undefined;
	    if (aliasDuplicateObjects && value && typeof value === 'object') {
	        ref = sourceObjects.get(value);
	        if (ref) {
	            ref.anchor ?? (ref.anchor = onAnchor(value));
	            return new Alias.Alias(ref.anchor);
	        }
	        else {
	            ref = { anchor: null, node: null };
	            sourceObjects.set(value, ref);
	        }
	    }
	    if (tagName?.startsWith('!!'))
	        tagName = defaultTagPrefix + tagName.slice(2);
	    let tagObj = findTagObject(value, tagName, schema.tags);
	    if (!tagObj) {
	        if (value && typeof value.toJSON === 'function') {
	            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
	            value = value.toJSON();
	        }
	        if (!value || typeof value !== 'object') {
	            const node = new Scalar.Scalar(value);
	            if (ref)
	                ref.node = node;
	            return node;
	        }
	        tagObj =
	            value instanceof Map
	                ? schema[identity.MAP]
	                : Symbol.iterator in Object(value)
	                    ? schema[identity.SEQ]
	                    : schema[identity.MAP];
	    }
	    if (onTagObj) {
	        onTagObj(tagObj);
	        delete ctx.onTagObj;
	    }
	    const node = tagObj?.createNode
	        ? tagObj.createNode(ctx.schema, value, ctx)
	        : typeof tagObj?.nodeClass?.from === 'function'
	            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
	            : new Scalar.Scalar(value);
	    if (tagName)
	        node.tag = tagName;
	    else if (!tagObj.default)
	        node.tag = tagObj.tag;
	    if (ref)
	        ref.node = node;
	    return node;
	}

	createNode.createNode = createNode$1;
	return createNode;
}

var hasRequiredCollection;

function requireCollection () {
	if (hasRequiredCollection) return Collection;
	hasRequiredCollection = 1;

	var createNode = requireCreateNode();
	var identity = requireIdentity();
	var Node = requireNode();

	function collectionFromPath(schema, path, value) {
	    let v = value;
	    for (let i = path.length - 1; i >= 0; --i) {
	        const k = path[i];
	        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
	            const a = [];
	            a[k] = v;
	            v = a;
	        }
	        else {
	            v = new Map([[k, v]]);
	        }
	    }
	    return createNode.createNode(v, undefined, {
	        aliasDuplicateObjects: false,
	        keepUndefined: false,
	        onAnchor: () => {
	            throw new Error('This should not happen, please report a bug.');
	        },
	        schema,
	        sourceObjects: new Map()
	    });
	}
	// Type guard is intentionally a little wrong so as to be more useful,
	// as it does not cover untypable empty non-string iterables (e.g. []).
	const isEmptyPath = (path) => path == null ||
	    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
	let Collection$1 = class Collection extends Node.NodeBase {
	    constructor(type, schema) {
	        super(type);
	        Object.defineProperty(this, 'schema', {
	            value: schema,
	            configurable: true,
	            enumerable: false,
	            writable: true
	        });
	    }
	    /**
	     * Create a copy of this collection.
	     *
	     * @param schema - If defined, overwrites the original's schema
	     */
	    clone(schema) {
	        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
	        if (schema)
	            copy.schema = schema;
	        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
	        if (this.range)
	            copy.range = this.range.slice();
	        return copy;
	    }
	    /**
	     * Adds a value to the collection. For `!!map` and `!!omap` the value must
	     * be a Pair instance or a `{ key, value }` object, which may not have a key
	     * that already exists in the map.
	     */
	    addIn(path, value) {
	        if (isEmptyPath(path))
	            this.add(value);
	        else {
	            const [key, ...rest] = path;
	            const node = this.get(key, true);
	            if (identity.isCollection(node))
	                node.addIn(rest, value);
	            else if (node === undefined && this.schema)
	                this.set(key, collectionFromPath(this.schema, rest, value));
	            else
	                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
	        }
	    }
	    /**
	     * Removes a value from the collection.
	     * @returns `true` if the item was found and removed.
	     */
	    deleteIn(path) {
	        const [key, ...rest] = path;
	        if (rest.length === 0)
	            return this.delete(key);
	        const node = this.get(key, true);
	        if (identity.isCollection(node))
	            return node.deleteIn(rest);
	        else
	            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
	    }
	    /**
	     * Returns item at `key`, or `undefined` if not found. By default unwraps
	     * scalar values from their surrounding node; to disable set `keepScalar` to
	     * `true` (collections are always returned intact).
	     */
	    getIn(path, keepScalar) {
	        const [key, ...rest] = path;
	        const node = this.get(key, true);
	        if (rest.length === 0)
	            return !keepScalar && identity.isScalar(node) ? node.value : node;
	        else
	            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
	    }
	    hasAllNullValues(allowScalar) {
	        return this.items.every(node => {
	            if (!identity.isPair(node))
	                return false;
	            const n = node.value;
	            return (n == null ||
	                (allowScalar &&
	                    identity.isScalar(n) &&
	                    n.value == null &&
	                    !n.commentBefore &&
	                    !n.comment &&
	                    !n.tag));
	        });
	    }
	    /**
	     * Checks if the collection includes a value with the key `key`.
	     */
	    hasIn(path) {
	        const [key, ...rest] = path;
	        if (rest.length === 0)
	            return this.has(key);
	        const node = this.get(key, true);
	        return identity.isCollection(node) ? node.hasIn(rest) : false;
	    }
	    /**
	     * Sets a value in this collection. For `!!set`, `value` needs to be a
	     * boolean to add/remove the item from the set.
	     */
	    setIn(path, value) {
	        const [key, ...rest] = path;
	        if (rest.length === 0) {
	            this.set(key, value);
	        }
	        else {
	            const node = this.get(key, true);
	            if (identity.isCollection(node))
	                node.setIn(rest, value);
	            else if (node === undefined && this.schema)
	                this.set(key, collectionFromPath(this.schema, rest, value));
	            else
	                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
	        }
	    }
	};

	Collection.Collection = Collection$1;
	Collection.collectionFromPath = collectionFromPath;
	Collection.isEmptyPath = isEmptyPath;
	return Collection;
}

var Pair = {};

var stringifyPair = {};

var stringify = {};

var stringifyComment = {};

var hasRequiredStringifyComment;

function requireStringifyComment () {
	if (hasRequiredStringifyComment) return stringifyComment;
	hasRequiredStringifyComment = 1;

	/**
	 * Stringifies a comment.
	 *
	 * Empty comment lines are left empty,
	 * lines consisting of a single space are replaced by `#`,
	 * and all other lines are prefixed with a `#`.
	 */
	const stringifyComment$1 = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
	function indentComment(comment, indent) {
	    if (/^\n+$/.test(comment))
	        return comment.substring(1);
	    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
	}
	const lineComment = (str, indent, comment) => str.endsWith('\n')
	    ? indentComment(comment, indent)
	    : comment.includes('\n')
	        ? '\n' + indentComment(comment, indent)
	        : (str.endsWith(' ') ? '' : ' ') + comment;

	stringifyComment.indentComment = indentComment;
	stringifyComment.lineComment = lineComment;
	stringifyComment.stringifyComment = stringifyComment$1;
	return stringifyComment;
}

var stringifyString = {};

var foldFlowLines = {};

var hasRequiredFoldFlowLines;

function requireFoldFlowLines () {
	if (hasRequiredFoldFlowLines) return foldFlowLines;
	hasRequiredFoldFlowLines = 1;

	const FOLD_FLOW = 'flow';
	const FOLD_BLOCK = 'block';
	const FOLD_QUOTED = 'quoted';
	/**
	 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
	 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
	 * terminated with `\n` and started with `indent`.
	 */
	function foldFlowLines$1(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
	    if (!lineWidth || lineWidth < 0)
	        return text;
	    if (lineWidth < minContentWidth)
	        minContentWidth = 0;
	    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
	    if (text.length <= endStep)
	        return text;
	    const folds = [];
	    const escapedFolds = {};
	    let end = lineWidth - indent.length;
	    if (typeof indentAtStart === 'number') {
	        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
	            folds.push(0);
	        else
	            end = lineWidth - indentAtStart;
	    }
	    let split = undefined;
	    let prev = undefined;
	    let overflow = false;
	    let i = -1;
	    let escStart = -1;
	    let escEnd = -1;
	    if (mode === FOLD_BLOCK) {
	        i = consumeMoreIndentedLines(text, i, indent.length);
	        if (i !== -1)
	            end = i + endStep;
	    }
	    for (let ch; (ch = text[(i += 1)]);) {
	        if (mode === FOLD_QUOTED && ch === '\\') {
	            escStart = i;
	            switch (text[i + 1]) {
	                case 'x':
	                    i += 3;
	                    break;
	                case 'u':
	                    i += 5;
	                    break;
	                case 'U':
	                    i += 9;
	                    break;
	                default:
	                    i += 1;
	            }
	            escEnd = i;
	        }
	        if (ch === '\n') {
	            if (mode === FOLD_BLOCK)
	                i = consumeMoreIndentedLines(text, i, indent.length);
	            end = i + indent.length + endStep;
	            split = undefined;
	        }
	        else {
	            if (ch === ' ' &&
	                prev &&
	                prev !== ' ' &&
	                prev !== '\n' &&
	                prev !== '\t') {
	                // space surrounded by non-space can be replaced with newline + indent
	                const next = text[i + 1];
	                if (next && next !== ' ' && next !== '\n' && next !== '\t')
	                    split = i;
	            }
	            if (i >= end) {
	                if (split) {
	                    folds.push(split);
	                    end = split + endStep;
	                    split = undefined;
	                }
	                else if (mode === FOLD_QUOTED) {
	                    // white-space collected at end may stretch past lineWidth
	                    while (prev === ' ' || prev === '\t') {
	                        prev = ch;
	                        ch = text[(i += 1)];
	                        overflow = true;
	                    }
	                    // Account for newline escape, but don't break preceding escape
	                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
	                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
	                    if (escapedFolds[j])
	                        return text;
	                    folds.push(j);
	                    escapedFolds[j] = true;
	                    end = j + endStep;
	                    split = undefined;
	                }
	                else {
	                    overflow = true;
	                }
	            }
	        }
	        prev = ch;
	    }
	    if (overflow && onOverflow)
	        onOverflow();
	    if (folds.length === 0)
	        return text;
	    if (onFold)
	        onFold();
	    let res = text.slice(0, folds[0]);
	    for (let i = 0; i < folds.length; ++i) {
	        const fold = folds[i];
	        const end = folds[i + 1] || text.length;
	        if (fold === 0)
	            res = `\n${indent}${text.slice(0, end)}`;
	        else {
	            if (mode === FOLD_QUOTED && escapedFolds[fold])
	                res += `${text[fold]}\\`;
	            res += `\n${indent}${text.slice(fold + 1, end)}`;
	        }
	    }
	    return res;
	}
	/**
	 * Presumes `i + 1` is at the start of a line
	 * @returns index of last newline in more-indented block
	 */
	function consumeMoreIndentedLines(text, i, indent) {
	    let end = i;
	    let start = i + 1;
	    let ch = text[start];
	    while (ch === ' ' || ch === '\t') {
	        if (i < start + indent) {
	            ch = text[++i];
	        }
	        else {
	            do {
	                ch = text[++i];
	            } while (ch && ch !== '\n');
	            end = i;
	            start = i + 1;
	            ch = text[start];
	        }
	    }
	    return end;
	}

	foldFlowLines.FOLD_BLOCK = FOLD_BLOCK;
	foldFlowLines.FOLD_FLOW = FOLD_FLOW;
	foldFlowLines.FOLD_QUOTED = FOLD_QUOTED;
	foldFlowLines.foldFlowLines = foldFlowLines$1;
	return foldFlowLines;
}

var hasRequiredStringifyString;

function requireStringifyString () {
	if (hasRequiredStringifyString) return stringifyString;
	hasRequiredStringifyString = 1;

	var Scalar = requireScalar();
	var foldFlowLines = requireFoldFlowLines();

	const getFoldOptions = (ctx, isBlock) => ({
	    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
	    lineWidth: ctx.options.lineWidth,
	    minContentWidth: ctx.options.minContentWidth
	});
	// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
	// presume that's starting a new document.
	const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
	function lineLengthOverLimit(str, lineWidth, indentLength) {
	    if (!lineWidth || lineWidth < 0)
	        return false;
	    const limit = lineWidth - indentLength;
	    const strLen = str.length;
	    if (strLen <= limit)
	        return false;
	    for (let i = 0, start = 0; i < strLen; ++i) {
	        if (str[i] === '\n') {
	            if (i - start > limit)
	                return true;
	            start = i + 1;
	            if (strLen - start <= limit)
	                return false;
	        }
	    }
	    return true;
	}
	function doubleQuotedString(value, ctx) {
	    const json = JSON.stringify(value);
	    if (ctx.options.doubleQuotedAsJSON)
	        return json;
	    const { implicitKey } = ctx;
	    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
	    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
	    let str = '';
	    let start = 0;
	    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
	        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
	            // space before newline needs to be escaped to not be folded
	            str += json.slice(start, i) + '\\ ';
	            i += 1;
	            start = i;
	            ch = '\\';
	        }
	        if (ch === '\\')
	            switch (json[i + 1]) {
	                case 'u':
	                    {
	                        str += json.slice(start, i);
	                        const code = json.substr(i + 2, 4);
	                        switch (code) {
	                            case '0000':
	                                str += '\\0';
	                                break;
	                            case '0007':
	                                str += '\\a';
	                                break;
	                            case '000b':
	                                str += '\\v';
	                                break;
	                            case '001b':
	                                str += '\\e';
	                                break;
	                            case '0085':
	                                str += '\\N';
	                                break;
	                            case '00a0':
	                                str += '\\_';
	                                break;
	                            case '2028':
	                                str += '\\L';
	                                break;
	                            case '2029':
	                                str += '\\P';
	                                break;
	                            default:
	                                if (code.substr(0, 2) === '00')
	                                    str += '\\x' + code.substr(2);
	                                else
	                                    str += json.substr(i, 6);
	                        }
	                        i += 5;
	                        start = i + 1;
	                    }
	                    break;
	                case 'n':
	                    if (implicitKey ||
	                        json[i + 2] === '"' ||
	                        json.length < minMultiLineLength) {
	                        i += 1;
	                    }
	                    else {
	                        // folding will eat first newline
	                        str += json.slice(start, i) + '\n\n';
	                        while (json[i + 2] === '\\' &&
	                            json[i + 3] === 'n' &&
	                            json[i + 4] !== '"') {
	                            str += '\n';
	                            i += 2;
	                        }
	                        str += indent;
	                        // space after newline needs to be escaped to not be folded
	                        if (json[i + 2] === ' ')
	                            str += '\\';
	                        i += 1;
	                        start = i + 1;
	                    }
	                    break;
	                default:
	                    i += 1;
	            }
	    }
	    str = start ? str + json.slice(start) : json;
	    return implicitKey
	        ? str
	        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
	}
	function singleQuotedString(value, ctx) {
	    if (ctx.options.singleQuote === false ||
	        (ctx.implicitKey && value.includes('\n')) ||
	        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
	    )
	        return doubleQuotedString(value, ctx);
	    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
	    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
	    return ctx.implicitKey
	        ? res
	        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
	}
	function quotedString(value, ctx) {
	    const { singleQuote } = ctx.options;
	    let qs;
	    if (singleQuote === false)
	        qs = doubleQuotedString;
	    else {
	        const hasDouble = value.includes('"');
	        const hasSingle = value.includes("'");
	        if (hasDouble && !hasSingle)
	            qs = singleQuotedString;
	        else if (hasSingle && !hasDouble)
	            qs = doubleQuotedString;
	        else
	            qs = singleQuote ? singleQuotedString : doubleQuotedString;
	    }
	    return qs(value, ctx);
	}
	// The negative lookbehind avoids a polynomial search,
	// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
	let blockEndNewlines;
	try {
	    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
	}
	catch {
	    blockEndNewlines = /\n+(?!\n|$)/g;
	}
	function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
	    const { blockQuote, commentString, lineWidth } = ctx.options;
	    // 1. Block can't end in whitespace unless the last line is non-empty.
	    // 2. Strings consisting of only whitespace are best rendered explicitly.
	    if (!blockQuote || /\n[\t ]+$/.test(value)) {
	        return quotedString(value, ctx);
	    }
	    const indent = ctx.indent ||
	        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
	    const literal = blockQuote === 'literal'
	        ? true
	        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
	            ? false
	            : type === Scalar.Scalar.BLOCK_LITERAL
	                ? true
	                : !lineLengthOverLimit(value, lineWidth, indent.length);
	    if (!value)
	        return literal ? '|\n' : '>\n';
	    // determine chomping from whitespace at value end
	    let chomp;
	    let endStart;
	    for (endStart = value.length; endStart > 0; --endStart) {
	        const ch = value[endStart - 1];
	        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
	            break;
	    }
	    let end = value.substring(endStart);
	    const endNlPos = end.indexOf('\n');
	    if (endNlPos === -1) {
	        chomp = '-'; // strip
	    }
	    else if (value === end || endNlPos !== end.length - 1) {
	        chomp = '+'; // keep
	        if (onChompKeep)
	            onChompKeep();
	    }
	    else {
	        chomp = ''; // clip
	    }
	    if (end) {
	        value = value.slice(0, -end.length);
	        if (end[end.length - 1] === '\n')
	            end = end.slice(0, -1);
	        end = end.replace(blockEndNewlines, `$&${indent}`);
	    }
	    // determine indent indicator from whitespace at value start
	    let startWithSpace = false;
	    let startEnd;
	    let startNlPos = -1;
	    for (startEnd = 0; startEnd < value.length; ++startEnd) {
	        const ch = value[startEnd];
	        if (ch === ' ')
	            startWithSpace = true;
	        else if (ch === '\n')
	            startNlPos = startEnd;
	        else
	            break;
	    }
	    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
	    if (start) {
	        value = value.substring(start.length);
	        start = start.replace(/\n+/g, `$&${indent}`);
	    }
	    const indentSize = indent ? '2' : '1'; // root is at -1
	    // Leading | or > is added later
	    let header = (startWithSpace ? indentSize : '') + chomp;
	    if (comment) {
	        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
	        if (onComment)
	            onComment();
	    }
	    if (!literal) {
	        const foldedValue = value
	            .replace(/\n+/g, '\n$&')
	            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
	            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
	            .replace(/\n+/g, `$&${indent}`);
	        let literalFallback = false;
	        const foldOptions = getFoldOptions(ctx, true);
	        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
	            foldOptions.onOverflow = () => {
	                literalFallback = true;
	            };
	        }
	        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
	        if (!literalFallback)
	            return `>${header}\n${indent}${body}`;
	    }
	    value = value.replace(/\n+/g, `$&${indent}`);
	    return `|${header}\n${indent}${start}${value}${end}`;
	}
	function plainString(item, ctx, onComment, onChompKeep) {
	    const { type, value } = item;
	    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
	    if ((implicitKey && value.includes('\n')) ||
	        (inFlow && /[[\]{},]/.test(value))) {
	        return quotedString(value, ctx);
	    }
	    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
	        // not allowed:
	        // - '-' or '?'
	        // - start with an indicator character (except [?:-]) or /[?-] /
	        // - '\n ', ': ' or ' \n' anywhere
	        // - '#' not preceded by a non-space char
	        // - end with ' ' or ':'
	        return implicitKey || inFlow || !value.includes('\n')
	            ? quotedString(value, ctx)
	            : blockString(item, ctx, onComment, onChompKeep);
	    }
	    if (!implicitKey &&
	        !inFlow &&
	        type !== Scalar.Scalar.PLAIN &&
	        value.includes('\n')) {
	        // Where allowed & type not set explicitly, prefer block style for multiline strings
	        return blockString(item, ctx, onComment, onChompKeep);
	    }
	    if (containsDocumentMarker(value)) {
	        if (indent === '') {
	            ctx.forceBlockIndent = true;
	            return blockString(item, ctx, onComment, onChompKeep);
	        }
	        else if (implicitKey && indent === indentStep) {
	            return quotedString(value, ctx);
	        }
	    }
	    const str = value.replace(/\n+/g, `$&\n${indent}`);
	    // Verify that output will be parsed as a string, as e.g. plain numbers and
	    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
	    // and others in v1.1.
	    if (actualString) {
	        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
	        const { compat, tags } = ctx.doc.schema;
	        if (tags.some(test) || compat?.some(test))
	            return quotedString(value, ctx);
	    }
	    return implicitKey
	        ? str
	        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
	}
	function stringifyString$1(item, ctx, onComment, onChompKeep) {
	    const { implicitKey, inFlow } = ctx;
	    const ss = typeof item.value === 'string'
	        ? item
	        : Object.assign({}, item, { value: String(item.value) });
	    let { type } = item;
	    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
	        // force double quotes on control characters & unpaired surrogates
	        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
	            type = Scalar.Scalar.QUOTE_DOUBLE;
	    }
	    const _stringify = (_type) => {
	        switch (_type) {
	            case Scalar.Scalar.BLOCK_FOLDED:
	            case Scalar.Scalar.BLOCK_LITERAL:
	                return implicitKey || inFlow
	                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
	                    : blockString(ss, ctx, onComment, onChompKeep);
	            case Scalar.Scalar.QUOTE_DOUBLE:
	                return doubleQuotedString(ss.value, ctx);
	            case Scalar.Scalar.QUOTE_SINGLE:
	                return singleQuotedString(ss.value, ctx);
	            case Scalar.Scalar.PLAIN:
	                return plainString(ss, ctx, onComment, onChompKeep);
	            default:
	                return null;
	        }
	    };
	    let res = _stringify(type);
	    if (res === null) {
	        const { defaultKeyType, defaultStringType } = ctx.options;
	        const t = (implicitKey && defaultKeyType) || defaultStringType;
	        res = _stringify(t);
	        if (res === null)
	            throw new Error(`Unsupported default string type ${t}`);
	    }
	    return res;
	}

	stringifyString.stringifyString = stringifyString$1;
	return stringifyString;
}

var hasRequiredStringify;

function requireStringify () {
	if (hasRequiredStringify) return stringify;
	hasRequiredStringify = 1;

	var anchors = requireAnchors();
	var identity = requireIdentity();
	var stringifyComment = requireStringifyComment();
	var stringifyString = requireStringifyString();

	function createStringifyContext(doc, options) {
	    const opt = Object.assign({
	        blockQuote: true,
	        commentString: stringifyComment.stringifyComment,
	        defaultKeyType: null,
	        defaultStringType: 'PLAIN',
	        directives: null,
	        doubleQuotedAsJSON: false,
	        doubleQuotedMinMultiLineLength: 40,
	        falseStr: 'false',
	        flowCollectionPadding: true,
	        indentSeq: true,
	        lineWidth: 80,
	        minContentWidth: 20,
	        nullStr: 'null',
	        simpleKeys: false,
	        singleQuote: null,
	        trailingComma: false,
	        trueStr: 'true',
	        verifyAliasOrder: true
	    }, doc.schema.toStringOptions, options);
	    let inFlow;
	    switch (opt.collectionStyle) {
	        case 'block':
	            inFlow = false;
	            break;
	        case 'flow':
	            inFlow = true;
	            break;
	        default:
	            inFlow = null;
	    }
	    return {
	        anchors: new Set(),
	        doc,
	        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
	        indent: '',
	        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
	        inFlow,
	        options: opt
	    };
	}
	function getTagObject(tags, item) {
	    if (item.tag) {
	        const match = tags.filter(t => t.tag === item.tag);
	        if (match.length > 0)
	            return match.find(t => t.format === item.format) ?? match[0];
	    }
	    let tagObj = undefined;
	    let obj;
	    if (identity.isScalar(item)) {
	        obj = item.value;
	        let match = tags.filter(t => t.identify?.(obj));
	        if (match.length > 1) {
	            const testMatch = match.filter(t => t.test);
	            if (testMatch.length > 0)
	                match = testMatch;
	        }
	        tagObj =
	            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
	    }
	    else {
	        obj = item;
	        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
	    }
	    if (!tagObj) {
	        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
	        throw new Error(`Tag not resolved for ${name} value`);
	    }
	    return tagObj;
	}
	// needs to be called before value stringifier to allow for circular anchor refs
	function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
	    if (!doc.directives)
	        return '';
	    const props = [];
	    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
	    if (anchor && anchors.anchorIsValid(anchor)) {
	        anchors$1.add(anchor);
	        props.push(`&${anchor}`);
	    }
	    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
	    if (tag)
	        props.push(doc.directives.tagString(tag));
	    return props.join(' ');
	}
	function stringify$1(item, ctx, onComment, onChompKeep) {
	    if (identity.isPair(item))
	        return item.toString(ctx, onComment, onChompKeep);
	    if (identity.isAlias(item)) {
	        if (ctx.doc.directives)
	            return item.toString(ctx);
	        if (ctx.resolvedAliases?.has(item)) {
	            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
	        }
	        else {
	            if (ctx.resolvedAliases)
	                ctx.resolvedAliases.add(item);
	            else
	                ctx.resolvedAliases = new Set([item]);
	            item = item.resolve(ctx.doc);
	        }
	    }
	    let tagObj = undefined;
	    const node = identity.isNode(item)
	        ? item
	        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
	    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
	    const props = stringifyProps(node, tagObj, ctx);
	    if (props.length > 0)
	        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
	    const str = typeof tagObj.stringify === 'function'
	        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
	        : identity.isScalar(node)
	            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
	            : node.toString(ctx, onComment, onChompKeep);
	    if (!props)
	        return str;
	    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
	        ? `${props} ${str}`
	        : `${props}\n${ctx.indent}${str}`;
	}

	stringify.createStringifyContext = createStringifyContext;
	stringify.stringify = stringify$1;
	return stringify;
}

var hasRequiredStringifyPair;

function requireStringifyPair () {
	if (hasRequiredStringifyPair) return stringifyPair;
	hasRequiredStringifyPair = 1;

	var identity = requireIdentity();
	var Scalar = requireScalar();
	var stringify = requireStringify();
	var stringifyComment = requireStringifyComment();

	function stringifyPair$1({ key, value }, ctx, onComment, onChompKeep) {
	    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
	    let keyComment = (identity.isNode(key) && key.comment) || null;
	    if (simpleKeys) {
	        if (keyComment) {
	            throw new Error('With simple keys, key nodes cannot have comments');
	        }
	        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
	            const msg = 'With simple keys, collection cannot be used as a key value';
	            throw new Error(msg);
	        }
	    }
	    let explicitKey = !simpleKeys &&
	        (!key ||
	            (keyComment && value == null && !ctx.inFlow) ||
	            identity.isCollection(key) ||
	            (identity.isScalar(key)
	                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
	                : typeof key === 'object'));
	    ctx = Object.assign({}, ctx, {
	        allNullValues: false,
	        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
	        indent: indent + indentStep
	    });
	    let keyCommentDone = false;
	    let chompKeep = false;
	    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
	    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
	        if (simpleKeys)
	            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
	        explicitKey = true;
	    }
	    if (ctx.inFlow) {
	        if (allNullValues || value == null) {
	            if (keyCommentDone && onComment)
	                onComment();
	            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
	        }
	    }
	    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
	        str = `? ${str}`;
	        if (keyComment && !keyCommentDone) {
	            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
	        }
	        else if (chompKeep && onChompKeep)
	            onChompKeep();
	        return str;
	    }
	    if (keyCommentDone)
	        keyComment = null;
	    if (explicitKey) {
	        if (keyComment)
	            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
	        str = `? ${str}\n${indent}:`;
	    }
	    else {
	        str = `${str}:`;
	        if (keyComment)
	            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
	    }
	    let vsb, vcb, valueComment;
	    if (identity.isNode(value)) {
	        vsb = !!value.spaceBefore;
	        vcb = value.commentBefore;
	        valueComment = value.comment;
	    }
	    else {
	        vsb = false;
	        vcb = null;
	        valueComment = null;
	        if (value && typeof value === 'object')
	            value = doc.createNode(value);
	    }
	    ctx.implicitKey = false;
	    if (!explicitKey && !keyComment && identity.isScalar(value))
	        ctx.indentAtStart = str.length + 1;
	    chompKeep = false;
	    if (!indentSeq &&
	        indentStep.length >= 2 &&
	        !ctx.inFlow &&
	        !explicitKey &&
	        identity.isSeq(value) &&
	        !value.flow &&
	        !value.tag &&
	        !value.anchor) {
	        // If indentSeq === false, consider '- ' as part of indentation where possible
	        ctx.indent = ctx.indent.substring(2);
	    }
	    let valueCommentDone = false;
	    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
	    let ws = ' ';
	    if (keyComment || vsb || vcb) {
	        ws = vsb ? '\n' : '';
	        if (vcb) {
	            const cs = commentString(vcb);
	            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
	        }
	        if (valueStr === '' && !ctx.inFlow) {
	            if (ws === '\n' && valueComment)
	                ws = '\n\n';
	        }
	        else {
	            ws += `\n${ctx.indent}`;
	        }
	    }
	    else if (!explicitKey && identity.isCollection(value)) {
	        const vs0 = valueStr[0];
	        const nl0 = valueStr.indexOf('\n');
	        const hasNewline = nl0 !== -1;
	        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
	        if (hasNewline || !flow) {
	            let hasPropsLine = false;
	            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
	                let sp0 = valueStr.indexOf(' ');
	                if (vs0 === '&' &&
	                    sp0 !== -1 &&
	                    sp0 < nl0 &&
	                    valueStr[sp0 + 1] === '!') {
	                    sp0 = valueStr.indexOf(' ', sp0 + 1);
	                }
	                if (sp0 === -1 || nl0 < sp0)
	                    hasPropsLine = true;
	            }
	            if (!hasPropsLine)
	                ws = `\n${ctx.indent}`;
	        }
	    }
	    else if (valueStr === '' || valueStr[0] === '\n') {
	        ws = '';
	    }
	    str += ws + valueStr;
	    if (ctx.inFlow) {
	        if (valueCommentDone && onComment)
	            onComment();
	    }
	    else if (valueComment && !valueCommentDone) {
	        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
	    }
	    else if (chompKeep && onChompKeep) {
	        onChompKeep();
	    }
	    return str;
	}

	stringifyPair.stringifyPair = stringifyPair$1;
	return stringifyPair;
}

var addPairToJSMap = {};

var log = {};

var hasRequiredLog;

function requireLog () {
	if (hasRequiredLog) return log;
	hasRequiredLog = 1;

	var node_process = require$$0;

	function debug(logLevel, ...messages) {
	    if (logLevel === 'debug')
	        console.log(...messages);
	}
	function warn(logLevel, warning) {
	    if (logLevel === 'debug' || logLevel === 'warn') {
	        if (typeof node_process.emitWarning === 'function')
	            node_process.emitWarning(warning);
	        else
	            console.warn(warning);
	    }
	}

	log.debug = debug;
	log.warn = warn;
	return log;
}

var merge = {};

var hasRequiredMerge;

function requireMerge () {
	if (hasRequiredMerge) return merge;
	hasRequiredMerge = 1;

	var identity = requireIdentity();
	var Scalar = requireScalar();

	// If the value associated with a merge key is a single mapping node, each of
	// its key/value pairs is inserted into the current mapping, unless the key
	// already exists in it. If the value associated with the merge key is a
	// sequence, then this sequence is expected to contain mapping nodes and each
	// of these nodes is merged in turn according to its order in the sequence.
	// Keys in mapping nodes earlier in the sequence override keys specified in
	// later mapping nodes. -- http://yaml.org/type/merge.html
	const MERGE_KEY = '<<';
	const merge$1 = {
	    identify: value => value === MERGE_KEY ||
	        (typeof value === 'symbol' && value.description === MERGE_KEY),
	    default: 'key',
	    tag: 'tag:yaml.org,2002:merge',
	    test: /^<<$/,
	    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
	        addToJSMap: addMergeToJSMap
	    }),
	    stringify: () => MERGE_KEY
	};
	const isMergeKey = (ctx, key) => (merge$1.identify(key) ||
	    (identity.isScalar(key) &&
	        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
	        merge$1.identify(key.value))) &&
	    ctx?.doc.schema.tags.some(tag => tag.tag === merge$1.tag && tag.default);
	function addMergeToJSMap(ctx, map, value) {
	    const source = resolveAliasValue(ctx, value);
	    if (identity.isSeq(source))
	        for (const it of source.items)
	            mergeValue(ctx, map, it);
	    else if (Array.isArray(source))
	        for (const it of source)
	            mergeValue(ctx, map, it);
	    else
	        mergeValue(ctx, map, source);
	}
	function mergeValue(ctx, map, value) {
	    const source = resolveAliasValue(ctx, value);
	    if (!identity.isMap(source))
	        throw new Error('Merge sources must be maps or map aliases');
	    const srcMap = source.toJSON(null, ctx, Map);
	    for (const [key, value] of srcMap) {
	        if (map instanceof Map) {
	            if (!map.has(key))
	                map.set(key, value);
	        }
	        else if (map instanceof Set) {
	            map.add(key);
	        }
	        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
	            Object.defineProperty(map, key, {
	                value,
	                writable: true,
	                enumerable: true,
	                configurable: true
	            });
	        }
	    }
	    return map;
	}
	function resolveAliasValue(ctx, value) {
	    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
	}

	merge.addMergeToJSMap = addMergeToJSMap;
	merge.isMergeKey = isMergeKey;
	merge.merge = merge$1;
	return merge;
}

var hasRequiredAddPairToJSMap;

function requireAddPairToJSMap () {
	if (hasRequiredAddPairToJSMap) return addPairToJSMap;
	hasRequiredAddPairToJSMap = 1;

	var log = requireLog();
	var merge = requireMerge();
	var stringify = requireStringify();
	var identity = requireIdentity();
	var toJS = requireToJS();

	function addPairToJSMap$1(ctx, map, { key, value }) {
	    if (identity.isNode(key) && key.addToJSMap)
	        key.addToJSMap(ctx, map, value);
	    // TODO: Should drop this special case for bare << handling
	    else if (merge.isMergeKey(ctx, key))
	        merge.addMergeToJSMap(ctx, map, value);
	    else {
	        const jsKey = toJS.toJS(key, '', ctx);
	        if (map instanceof Map) {
	            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
	        }
	        else if (map instanceof Set) {
	            map.add(jsKey);
	        }
	        else {
	            const stringKey = stringifyKey(key, jsKey, ctx);
	            const jsValue = toJS.toJS(value, stringKey, ctx);
	            if (stringKey in map)
	                Object.defineProperty(map, stringKey, {
	                    value: jsValue,
	                    writable: true,
	                    enumerable: true,
	                    configurable: true
	                });
	            else
	                map[stringKey] = jsValue;
	        }
	    }
	    return map;
	}
	function stringifyKey(key, jsKey, ctx) {
	    if (jsKey === null)
	        return '';
	    // eslint-disable-next-line @typescript-eslint/no-base-to-string
	    if (typeof jsKey !== 'object')
	        return String(jsKey);
	    if (identity.isNode(key) && ctx?.doc) {
	        const strCtx = stringify.createStringifyContext(ctx.doc, {});
	        strCtx.anchors = new Set();
	        for (const node of ctx.anchors.keys())
	            strCtx.anchors.add(node.anchor);
	        strCtx.inFlow = true;
	        strCtx.inStringifyKey = true;
	        const strKey = key.toString(strCtx);
	        if (!ctx.mapKeyWarned) {
	            let jsonStr = JSON.stringify(strKey);
	            if (jsonStr.length > 40)
	                jsonStr = jsonStr.substring(0, 36) + '..."';
	            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
	            ctx.mapKeyWarned = true;
	        }
	        return strKey;
	    }
	    return JSON.stringify(jsKey);
	}

	addPairToJSMap.addPairToJSMap = addPairToJSMap$1;
	return addPairToJSMap;
}

var hasRequiredPair;

function requirePair () {
	if (hasRequiredPair) return Pair;
	hasRequiredPair = 1;

	var createNode = requireCreateNode();
	var stringifyPair = requireStringifyPair();
	var addPairToJSMap = requireAddPairToJSMap();
	var identity = requireIdentity();

	function createPair(key, value, ctx) {
	    const k = createNode.createNode(key, undefined, ctx);
	    const v = createNode.createNode(value, undefined, ctx);
	    return new Pair$1(k, v);
	}
	let Pair$1 = class Pair {
	    constructor(key, value = null) {
	        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
	        this.key = key;
	        this.value = value;
	    }
	    clone(schema) {
	        let { key, value } = this;
	        if (identity.isNode(key))
	            key = key.clone(schema);
	        if (identity.isNode(value))
	            value = value.clone(schema);
	        return new Pair(key, value);
	    }
	    toJSON(_, ctx) {
	        const pair = ctx?.mapAsMap ? new Map() : {};
	        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
	    }
	    toString(ctx, onComment, onChompKeep) {
	        return ctx?.doc
	            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
	            : JSON.stringify(this);
	    }
	};

	Pair.Pair = Pair$1;
	Pair.createPair = createPair;
	return Pair;
}

var Schema = {};

var map = {};

var YAMLMap = {};

var stringifyCollection = {};

var hasRequiredStringifyCollection;

function requireStringifyCollection () {
	if (hasRequiredStringifyCollection) return stringifyCollection;
	hasRequiredStringifyCollection = 1;

	var identity = requireIdentity();
	var stringify = requireStringify();
	var stringifyComment = requireStringifyComment();

	function stringifyCollection$1(collection, ctx, options) {
	    const flow = ctx.inFlow ?? collection.flow;
	    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
	    return stringify(collection, ctx, options);
	}
	function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
	    const { indent, options: { commentString } } = ctx;
	    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
	    let chompKeep = false; // flag for the preceding node's status
	    const lines = [];
	    for (let i = 0; i < items.length; ++i) {
	        const item = items[i];
	        let comment = null;
	        if (identity.isNode(item)) {
	            if (!chompKeep && item.spaceBefore)
	                lines.push('');
	            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
	            if (item.comment)
	                comment = item.comment;
	        }
	        else if (identity.isPair(item)) {
	            const ik = identity.isNode(item.key) ? item.key : null;
	            if (ik) {
	                if (!chompKeep && ik.spaceBefore)
	                    lines.push('');
	                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
	            }
	        }
	        chompKeep = false;
	        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
	        if (comment)
	            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
	        if (chompKeep && comment)
	            chompKeep = false;
	        lines.push(blockItemPrefix + str);
	    }
	    let str;
	    if (lines.length === 0) {
	        str = flowChars.start + flowChars.end;
	    }
	    else {
	        str = lines[0];
	        for (let i = 1; i < lines.length; ++i) {
	            const line = lines[i];
	            str += line ? `\n${indent}${line}` : '\n';
	        }
	    }
	    if (comment) {
	        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
	        if (onComment)
	            onComment();
	    }
	    else if (chompKeep && onChompKeep)
	        onChompKeep();
	    return str;
	}
	function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
	    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
	    itemIndent += indentStep;
	    const itemCtx = Object.assign({}, ctx, {
	        indent: itemIndent,
	        inFlow: true,
	        type: null
	    });
	    let reqNewline = false;
	    let linesAtValue = 0;
	    const lines = [];
	    for (let i = 0; i < items.length; ++i) {
	        const item = items[i];
	        let comment = null;
	        if (identity.isNode(item)) {
	            if (item.spaceBefore)
	                lines.push('');
	            addCommentBefore(ctx, lines, item.commentBefore, false);
	            if (item.comment)
	                comment = item.comment;
	        }
	        else if (identity.isPair(item)) {
	            const ik = identity.isNode(item.key) ? item.key : null;
	            if (ik) {
	                if (ik.spaceBefore)
	                    lines.push('');
	                addCommentBefore(ctx, lines, ik.commentBefore, false);
	                if (ik.comment)
	                    reqNewline = true;
	            }
	            const iv = identity.isNode(item.value) ? item.value : null;
	            if (iv) {
	                if (iv.comment)
	                    comment = iv.comment;
	                if (iv.commentBefore)
	                    reqNewline = true;
	            }
	            else if (item.value == null && ik?.comment) {
	                comment = ik.comment;
	            }
	        }
	        if (comment)
	            reqNewline = true;
	        let str = stringify.stringify(item, itemCtx, () => (comment = null));
	        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
	        if (i < items.length - 1) {
	            str += ',';
	        }
	        else if (ctx.options.trailingComma) {
	            if (ctx.options.lineWidth > 0) {
	                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
	                    (str.length + 2) >
	                    ctx.options.lineWidth);
	            }
	            if (reqNewline) {
	                str += ',';
	            }
	        }
	        if (comment)
	            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
	        lines.push(str);
	        linesAtValue = lines.length;
	    }
	    const { start, end } = flowChars;
	    if (lines.length === 0) {
	        return start + end;
	    }
	    else {
	        if (!reqNewline) {
	            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
	            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
	        }
	        if (reqNewline) {
	            let str = start;
	            for (const line of lines)
	                str += line ? `\n${indentStep}${indent}${line}` : '\n';
	            return `${str}\n${indent}${end}`;
	        }
	        else {
	            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
	        }
	    }
	}
	function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
	    if (comment && chompKeep)
	        comment = comment.replace(/^\n+/, '');
	    if (comment) {
	        const ic = stringifyComment.indentComment(commentString(comment), indent);
	        lines.push(ic.trimStart()); // Avoid double indent on first line
	    }
	}

	stringifyCollection.stringifyCollection = stringifyCollection$1;
	return stringifyCollection;
}

var hasRequiredYAMLMap;

function requireYAMLMap () {
	if (hasRequiredYAMLMap) return YAMLMap;
	hasRequiredYAMLMap = 1;

	var stringifyCollection = requireStringifyCollection();
	var addPairToJSMap = requireAddPairToJSMap();
	var Collection = requireCollection();
	var identity = requireIdentity();
	var Pair = requirePair();
	var Scalar = requireScalar();

	function findPair(items, key) {
	    const k = identity.isScalar(key) ? key.value : key;
	    for (const it of items) {
	        if (identity.isPair(it)) {
	            if (it.key === key || it.key === k)
	                return it;
	            if (identity.isScalar(it.key) && it.key.value === k)
	                return it;
	        }
	    }
	    return undefined;
	}
	let YAMLMap$1 = class YAMLMap extends Collection.Collection {
	    static get tagName() {
	        return 'tag:yaml.org,2002:map';
	    }
	    constructor(schema) {
	        super(identity.MAP, schema);
	        this.items = [];
	    }
	    /**
	     * A generic collection parsing method that can be extended
	     * to other node classes that inherit from YAMLMap
	     */
	    static from(schema, obj, ctx) {
	        const { keepUndefined, replacer } = ctx;
	        const map = new this(schema);
	        const add = (key, value) => {
	            if (typeof replacer === 'function')
	                value = replacer.call(obj, key, value);
	            else if (Array.isArray(replacer) && !replacer.includes(key))
	                return;
	            if (value !== undefined || keepUndefined)
	                map.items.push(Pair.createPair(key, value, ctx));
	        };
	        if (obj instanceof Map) {
	            for (const [key, value] of obj)
	                add(key, value);
	        }
	        else if (obj && typeof obj === 'object') {
	            for (const key of Object.keys(obj))
	                add(key, obj[key]);
	        }
	        if (typeof schema.sortMapEntries === 'function') {
	            map.items.sort(schema.sortMapEntries);
	        }
	        return map;
	    }
	    /**
	     * Adds a value to the collection.
	     *
	     * @param overwrite - If not set `true`, using a key that is already in the
	     *   collection will throw. Otherwise, overwrites the previous value.
	     */
	    add(pair, overwrite) {
	        let _pair;
	        if (identity.isPair(pair))
	            _pair = pair;
	        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
	            // In TypeScript, this never happens.
	            _pair = new Pair.Pair(pair, pair?.value);
	        }
	        else
	            _pair = new Pair.Pair(pair.key, pair.value);
	        const prev = findPair(this.items, _pair.key);
	        const sortEntries = this.schema?.sortMapEntries;
	        if (prev) {
	            if (!overwrite)
	                throw new Error(`Key ${_pair.key} already set`);
	            // For scalars, keep the old node & its comments and anchors
	            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
	                prev.value.value = _pair.value;
	            else
	                prev.value = _pair.value;
	        }
	        else if (sortEntries) {
	            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
	            if (i === -1)
	                this.items.push(_pair);
	            else
	                this.items.splice(i, 0, _pair);
	        }
	        else {
	            this.items.push(_pair);
	        }
	    }
	    delete(key) {
	        const it = findPair(this.items, key);
	        if (!it)
	            return false;
	        const del = this.items.splice(this.items.indexOf(it), 1);
	        return del.length > 0;
	    }
	    get(key, keepScalar) {
	        const it = findPair(this.items, key);
	        const node = it?.value;
	        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
	    }
	    has(key) {
	        return !!findPair(this.items, key);
	    }
	    set(key, value) {
	        this.add(new Pair.Pair(key, value), true);
	    }
	    /**
	     * @param ctx - Conversion context, originally set in Document#toJS()
	     * @param {Class} Type - If set, forces the returned collection type
	     * @returns Instance of Type, Map, or Object
	     */
	    toJSON(_, ctx, Type) {
	        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
	        if (ctx?.onCreate)
	            ctx.onCreate(map);
	        for (const item of this.items)
	            addPairToJSMap.addPairToJSMap(ctx, map, item);
	        return map;
	    }
	    toString(ctx, onComment, onChompKeep) {
	        if (!ctx)
	            return JSON.stringify(this);
	        for (const item of this.items) {
	            if (!identity.isPair(item))
	                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
	        }
	        if (!ctx.allNullValues && this.hasAllNullValues(false))
	            ctx = Object.assign({}, ctx, { allNullValues: true });
	        return stringifyCollection.stringifyCollection(this, ctx, {
	            blockItemPrefix: '',
	            flowChars: { start: '{', end: '}' },
	            itemIndent: ctx.indent || '',
	            onChompKeep,
	            onComment
	        });
	    }
	};

	YAMLMap.YAMLMap = YAMLMap$1;
	YAMLMap.findPair = findPair;
	return YAMLMap;
}

var hasRequiredMap;

function requireMap () {
	if (hasRequiredMap) return map;
	hasRequiredMap = 1;

	var identity = requireIdentity();
	var YAMLMap = requireYAMLMap();

	const map$1 = {
	    collection: 'map',
	    default: true,
	    nodeClass: YAMLMap.YAMLMap,
	    tag: 'tag:yaml.org,2002:map',
	    resolve(map, onError) {
	        if (!identity.isMap(map))
	            onError('Expected a mapping for this tag');
	        return map;
	    },
	    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
	};

	map.map = map$1;
	return map;
}

var seq = {};

var YAMLSeq = {};

var hasRequiredYAMLSeq;

function requireYAMLSeq () {
	if (hasRequiredYAMLSeq) return YAMLSeq;
	hasRequiredYAMLSeq = 1;

	var createNode = requireCreateNode();
	var stringifyCollection = requireStringifyCollection();
	var Collection = requireCollection();
	var identity = requireIdentity();
	var Scalar = requireScalar();
	var toJS = requireToJS();

	let YAMLSeq$1 = class YAMLSeq extends Collection.Collection {
	    static get tagName() {
	        return 'tag:yaml.org,2002:seq';
	    }
	    constructor(schema) {
	        super(identity.SEQ, schema);
	        this.items = [];
	    }
	    add(value) {
	        this.items.push(value);
	    }
	    /**
	     * Removes a value from the collection.
	     *
	     * `key` must contain a representation of an integer for this to succeed.
	     * It may be wrapped in a `Scalar`.
	     *
	     * @returns `true` if the item was found and removed.
	     */
	    delete(key) {
	        const idx = asItemIndex(key);
	        if (typeof idx !== 'number')
	            return false;
	        const del = this.items.splice(idx, 1);
	        return del.length > 0;
	    }
	    get(key, keepScalar) {
	        const idx = asItemIndex(key);
	        if (typeof idx !== 'number')
	            return undefined;
	        const it = this.items[idx];
	        return !keepScalar && identity.isScalar(it) ? it.value : it;
	    }
	    /**
	     * Checks if the collection includes a value with the key `key`.
	     *
	     * `key` must contain a representation of an integer for this to succeed.
	     * It may be wrapped in a `Scalar`.
	     */
	    has(key) {
	        const idx = asItemIndex(key);
	        return typeof idx === 'number' && idx < this.items.length;
	    }
	    /**
	     * Sets a value in this collection. For `!!set`, `value` needs to be a
	     * boolean to add/remove the item from the set.
	     *
	     * If `key` does not contain a representation of an integer, this will throw.
	     * It may be wrapped in a `Scalar`.
	     */
	    set(key, value) {
	        const idx = asItemIndex(key);
	        if (typeof idx !== 'number')
	            throw new Error(`Expected a valid index, not ${key}.`);
	        const prev = this.items[idx];
	        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
	            prev.value = value;
	        else
	            this.items[idx] = value;
	    }
	    toJSON(_, ctx) {
	        const seq = [];
	        if (ctx?.onCreate)
	            ctx.onCreate(seq);
	        let i = 0;
	        for (const item of this.items)
	            seq.push(toJS.toJS(item, String(i++), ctx));
	        return seq;
	    }
	    toString(ctx, onComment, onChompKeep) {
	        if (!ctx)
	            return JSON.stringify(this);
	        return stringifyCollection.stringifyCollection(this, ctx, {
	            blockItemPrefix: '- ',
	            flowChars: { start: '[', end: ']' },
	            itemIndent: (ctx.indent || '') + '  ',
	            onChompKeep,
	            onComment
	        });
	    }
	    static from(schema, obj, ctx) {
	        const { replacer } = ctx;
	        const seq = new this(schema);
	        if (obj && Symbol.iterator in Object(obj)) {
	            let i = 0;
	            for (let it of obj) {
	                if (typeof replacer === 'function') {
	                    const key = obj instanceof Set ? it : String(i++);
	                    it = replacer.call(obj, key, it);
	                }
	                seq.items.push(createNode.createNode(it, undefined, ctx));
	            }
	        }
	        return seq;
	    }
	};
	function asItemIndex(key) {
	    let idx = identity.isScalar(key) ? key.value : key;
	    if (idx && typeof idx === 'string')
	        idx = Number(idx);
	    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
	        ? idx
	        : null;
	}

	YAMLSeq.YAMLSeq = YAMLSeq$1;
	return YAMLSeq;
}

var hasRequiredSeq;

function requireSeq () {
	if (hasRequiredSeq) return seq;
	hasRequiredSeq = 1;

	var identity = requireIdentity();
	var YAMLSeq = requireYAMLSeq();

	const seq$1 = {
	    collection: 'seq',
	    default: true,
	    nodeClass: YAMLSeq.YAMLSeq,
	    tag: 'tag:yaml.org,2002:seq',
	    resolve(seq, onError) {
	        if (!identity.isSeq(seq))
	            onError('Expected a sequence for this tag');
	        return seq;
	    },
	    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
	};

	seq.seq = seq$1;
	return seq;
}

var string = {};

var hasRequiredString;

function requireString () {
	if (hasRequiredString) return string;
	hasRequiredString = 1;

	var stringifyString = requireStringifyString();

	const string$1 = {
	    identify: value => typeof value === 'string',
	    default: true,
	    tag: 'tag:yaml.org,2002:str',
	    resolve: str => str,
	    stringify(item, ctx, onComment, onChompKeep) {
	        ctx = Object.assign({ actualString: true }, ctx);
	        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
	    }
	};

	string.string = string$1;
	return string;
}

var tags = {};

var _null = {};

var hasRequired_null;

function require_null () {
	if (hasRequired_null) return _null;
	hasRequired_null = 1;

	var Scalar = requireScalar();

	const nullTag = {
	    identify: value => value == null,
	    createNode: () => new Scalar.Scalar(null),
	    default: true,
	    tag: 'tag:yaml.org,2002:null',
	    test: /^(?:~|[Nn]ull|NULL)?$/,
	    resolve: () => new Scalar.Scalar(null),
	    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
	        ? source
	        : ctx.options.nullStr
	};

	_null.nullTag = nullTag;
	return _null;
}

var bool$1 = {};

var hasRequiredBool$1;

function requireBool$1 () {
	if (hasRequiredBool$1) return bool$1;
	hasRequiredBool$1 = 1;

	var Scalar = requireScalar();

	const boolTag = {
	    identify: value => typeof value === 'boolean',
	    default: true,
	    tag: 'tag:yaml.org,2002:bool',
	    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
	    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
	    stringify({ source, value }, ctx) {
	        if (source && boolTag.test.test(source)) {
	            const sv = source[0] === 't' || source[0] === 'T';
	            if (value === sv)
	                return source;
	        }
	        return value ? ctx.options.trueStr : ctx.options.falseStr;
	    }
	};

	bool$1.boolTag = boolTag;
	return bool$1;
}

var float$1 = {};

var stringifyNumber = {};

var hasRequiredStringifyNumber;

function requireStringifyNumber () {
	if (hasRequiredStringifyNumber) return stringifyNumber;
	hasRequiredStringifyNumber = 1;

	function stringifyNumber$1({ format, minFractionDigits, tag, value }) {
	    if (typeof value === 'bigint')
	        return String(value);
	    const num = typeof value === 'number' ? value : Number(value);
	    if (!isFinite(num))
	        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
	    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
	    if (!format &&
	        minFractionDigits &&
	        (!tag || tag === 'tag:yaml.org,2002:float') &&
	        /^-?\d/.test(n) &&
	        !n.includes('e')) {
	        let i = n.indexOf('.');
	        if (i < 0) {
	            i = n.length;
	            n += '.';
	        }
	        let d = minFractionDigits - (n.length - i - 1);
	        while (d-- > 0)
	            n += '0';
	    }
	    return n;
	}

	stringifyNumber.stringifyNumber = stringifyNumber$1;
	return stringifyNumber;
}

var hasRequiredFloat$1;

function requireFloat$1 () {
	if (hasRequiredFloat$1) return float$1;
	hasRequiredFloat$1 = 1;

	var Scalar = requireScalar();
	var stringifyNumber = requireStringifyNumber();

	const floatNaN = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
	    resolve: str => str.slice(-3).toLowerCase() === 'nan'
	        ? NaN
	        : str[0] === '-'
	            ? Number.NEGATIVE_INFINITY
	            : Number.POSITIVE_INFINITY,
	    stringify: stringifyNumber.stringifyNumber
	};
	const floatExp = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    format: 'EXP',
	    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
	    resolve: str => parseFloat(str),
	    stringify(node) {
	        const num = Number(node.value);
	        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
	    }
	};
	const float = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
	    resolve(str) {
	        const node = new Scalar.Scalar(parseFloat(str));
	        const dot = str.indexOf('.');
	        if (dot !== -1 && str[str.length - 1] === '0')
	            node.minFractionDigits = str.length - dot - 1;
	        return node;
	    },
	    stringify: stringifyNumber.stringifyNumber
	};

	float$1.float = float;
	float$1.floatExp = floatExp;
	float$1.floatNaN = floatNaN;
	return float$1;
}

var int$1 = {};

var hasRequiredInt$1;

function requireInt$1 () {
	if (hasRequiredInt$1) return int$1;
	hasRequiredInt$1 = 1;

	var stringifyNumber = requireStringifyNumber();

	const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
	const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
	function intStringify(node, radix, prefix) {
	    const { value } = node;
	    if (intIdentify(value) && value >= 0)
	        return prefix + value.toString(radix);
	    return stringifyNumber.stringifyNumber(node);
	}
	const intOct = {
	    identify: value => intIdentify(value) && value >= 0,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'OCT',
	    test: /^0o[0-7]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
	    stringify: node => intStringify(node, 8, '0o')
	};
	const int = {
	    identify: intIdentify,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    test: /^[-+]?[0-9]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
	    stringify: stringifyNumber.stringifyNumber
	};
	const intHex = {
	    identify: value => intIdentify(value) && value >= 0,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'HEX',
	    test: /^0x[0-9a-fA-F]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
	    stringify: node => intStringify(node, 16, '0x')
	};

	int$1.int = int;
	int$1.intHex = intHex;
	int$1.intOct = intOct;
	return int$1;
}

var schema$2 = {};

var hasRequiredSchema$3;

function requireSchema$3 () {
	if (hasRequiredSchema$3) return schema$2;
	hasRequiredSchema$3 = 1;

	var map = requireMap();
	var _null = require_null();
	var seq = requireSeq();
	var string = requireString();
	var bool = requireBool$1();
	var float = requireFloat$1();
	var int = requireInt$1();

	const schema = [
	    map.map,
	    seq.seq,
	    string.string,
	    _null.nullTag,
	    bool.boolTag,
	    int.intOct,
	    int.int,
	    int.intHex,
	    float.floatNaN,
	    float.floatExp,
	    float.float
	];

	schema$2.schema = schema;
	return schema$2;
}

var schema$1 = {};

var hasRequiredSchema$2;

function requireSchema$2 () {
	if (hasRequiredSchema$2) return schema$1;
	hasRequiredSchema$2 = 1;

	var Scalar = requireScalar();
	var map = requireMap();
	var seq = requireSeq();

	function intIdentify(value) {
	    return typeof value === 'bigint' || Number.isInteger(value);
	}
	const stringifyJSON = ({ value }) => JSON.stringify(value);
	const jsonScalars = [
	    {
	        identify: value => typeof value === 'string',
	        default: true,
	        tag: 'tag:yaml.org,2002:str',
	        resolve: str => str,
	        stringify: stringifyJSON
	    },
	    {
	        identify: value => value == null,
	        createNode: () => new Scalar.Scalar(null),
	        default: true,
	        tag: 'tag:yaml.org,2002:null',
	        test: /^null$/,
	        resolve: () => null,
	        stringify: stringifyJSON
	    },
	    {
	        identify: value => typeof value === 'boolean',
	        default: true,
	        tag: 'tag:yaml.org,2002:bool',
	        test: /^true$|^false$/,
	        resolve: str => str === 'true',
	        stringify: stringifyJSON
	    },
	    {
	        identify: intIdentify,
	        default: true,
	        tag: 'tag:yaml.org,2002:int',
	        test: /^-?(?:0|[1-9][0-9]*)$/,
	        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
	        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
	    },
	    {
	        identify: value => typeof value === 'number',
	        default: true,
	        tag: 'tag:yaml.org,2002:float',
	        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
	        resolve: str => parseFloat(str),
	        stringify: stringifyJSON
	    }
	];
	const jsonError = {
	    default: true,
	    tag: '',
	    test: /^/,
	    resolve(str, onError) {
	        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
	        return str;
	    }
	};
	const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

	schema$1.schema = schema;
	return schema$1;
}

var binary = {};

var hasRequiredBinary;

function requireBinary () {
	if (hasRequiredBinary) return binary;
	hasRequiredBinary = 1;

	var node_buffer = require$$0$1;
	var Scalar = requireScalar();
	var stringifyString = requireStringifyString();

	const binary$1 = {
	    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
	    default: false,
	    tag: 'tag:yaml.org,2002:binary',
	    /**
	     * Returns a Buffer in node and an Uint8Array in browsers
	     *
	     * To use the resulting buffer as an image, you'll want to do something like:
	     *
	     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
	     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
	     */
	    resolve(src, onError) {
	        if (typeof node_buffer.Buffer === 'function') {
	            return node_buffer.Buffer.from(src, 'base64');
	        }
	        else if (typeof atob === 'function') {
	            // On IE 11, atob() can't handle newlines
	            const str = atob(src.replace(/[\n\r]/g, ''));
	            const buffer = new Uint8Array(str.length);
	            for (let i = 0; i < str.length; ++i)
	                buffer[i] = str.charCodeAt(i);
	            return buffer;
	        }
	        else {
	            onError('This environment does not support reading binary tags; either Buffer or atob is required');
	            return src;
	        }
	    },
	    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
	        if (!value)
	            return '';
	        const buf = value; // checked earlier by binary.identify()
	        let str;
	        if (typeof node_buffer.Buffer === 'function') {
	            str =
	                buf instanceof node_buffer.Buffer
	                    ? buf.toString('base64')
	                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
	        }
	        else if (typeof btoa === 'function') {
	            let s = '';
	            for (let i = 0; i < buf.length; ++i)
	                s += String.fromCharCode(buf[i]);
	            str = btoa(s);
	        }
	        else {
	            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
	        }
	        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
	        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
	            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
	            const n = Math.ceil(str.length / lineWidth);
	            const lines = new Array(n);
	            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
	                lines[i] = str.substr(o, lineWidth);
	            }
	            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
	        }
	        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
	    }
	};

	binary.binary = binary$1;
	return binary;
}

var omap = {};

var pairs = {};

var hasRequiredPairs;

function requirePairs () {
	if (hasRequiredPairs) return pairs;
	hasRequiredPairs = 1;

	var identity = requireIdentity();
	var Pair = requirePair();
	var Scalar = requireScalar();
	var YAMLSeq = requireYAMLSeq();

	function resolvePairs(seq, onError) {
	    if (identity.isSeq(seq)) {
	        for (let i = 0; i < seq.items.length; ++i) {
	            let item = seq.items[i];
	            if (identity.isPair(item))
	                continue;
	            else if (identity.isMap(item)) {
	                if (item.items.length > 1)
	                    onError('Each pair must have its own sequence indicator');
	                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
	                if (item.commentBefore)
	                    pair.key.commentBefore = pair.key.commentBefore
	                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
	                        : item.commentBefore;
	                if (item.comment) {
	                    const cn = pair.value ?? pair.key;
	                    cn.comment = cn.comment
	                        ? `${item.comment}\n${cn.comment}`
	                        : item.comment;
	                }
	                item = pair;
	            }
	            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
	        }
	    }
	    else
	        onError('Expected a sequence for this tag');
	    return seq;
	}
	function createPairs(schema, iterable, ctx) {
	    const { replacer } = ctx;
	    const pairs = new YAMLSeq.YAMLSeq(schema);
	    pairs.tag = 'tag:yaml.org,2002:pairs';
	    let i = 0;
	    if (iterable && Symbol.iterator in Object(iterable))
	        for (let it of iterable) {
	            if (typeof replacer === 'function')
	                it = replacer.call(iterable, String(i++), it);
	            let key, value;
	            if (Array.isArray(it)) {
	                if (it.length === 2) {
	                    key = it[0];
	                    value = it[1];
	                }
	                else
	                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
	            }
	            else if (it && it instanceof Object) {
	                const keys = Object.keys(it);
	                if (keys.length === 1) {
	                    key = keys[0];
	                    value = it[key];
	                }
	                else {
	                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
	                }
	            }
	            else {
	                key = it;
	            }
	            pairs.items.push(Pair.createPair(key, value, ctx));
	        }
	    return pairs;
	}
	const pairs$1 = {
	    collection: 'seq',
	    default: false,
	    tag: 'tag:yaml.org,2002:pairs',
	    resolve: resolvePairs,
	    createNode: createPairs
	};

	pairs.createPairs = createPairs;
	pairs.pairs = pairs$1;
	pairs.resolvePairs = resolvePairs;
	return pairs;
}

var hasRequiredOmap;

function requireOmap () {
	if (hasRequiredOmap) return omap;
	hasRequiredOmap = 1;

	var identity = requireIdentity();
	var toJS = requireToJS();
	var YAMLMap = requireYAMLMap();
	var YAMLSeq = requireYAMLSeq();
	var pairs = requirePairs();

	class YAMLOMap extends YAMLSeq.YAMLSeq {
	    constructor() {
	        super();
	        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
	        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
	        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
	        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
	        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
	        this.tag = YAMLOMap.tag;
	    }
	    /**
	     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
	     * but TypeScript won't allow widening the signature of a child method.
	     */
	    toJSON(_, ctx) {
	        if (!ctx)
	            return super.toJSON(_);
	        const map = new Map();
	        if (ctx?.onCreate)
	            ctx.onCreate(map);
	        for (const pair of this.items) {
	            let key, value;
	            if (identity.isPair(pair)) {
	                key = toJS.toJS(pair.key, '', ctx);
	                value = toJS.toJS(pair.value, key, ctx);
	            }
	            else {
	                key = toJS.toJS(pair, '', ctx);
	            }
	            if (map.has(key))
	                throw new Error('Ordered maps must not include duplicate keys');
	            map.set(key, value);
	        }
	        return map;
	    }
	    static from(schema, iterable, ctx) {
	        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
	        const omap = new this();
	        omap.items = pairs$1.items;
	        return omap;
	    }
	}
	YAMLOMap.tag = 'tag:yaml.org,2002:omap';
	const omap$1 = {
	    collection: 'seq',
	    identify: value => value instanceof Map,
	    nodeClass: YAMLOMap,
	    default: false,
	    tag: 'tag:yaml.org,2002:omap',
	    resolve(seq, onError) {
	        const pairs$1 = pairs.resolvePairs(seq, onError);
	        const seenKeys = [];
	        for (const { key } of pairs$1.items) {
	            if (identity.isScalar(key)) {
	                if (seenKeys.includes(key.value)) {
	                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
	                }
	                else {
	                    seenKeys.push(key.value);
	                }
	            }
	        }
	        return Object.assign(new YAMLOMap(), pairs$1);
	    },
	    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
	};

	omap.YAMLOMap = YAMLOMap;
	omap.omap = omap$1;
	return omap;
}

var schema = {};

var bool = {};

var hasRequiredBool;

function requireBool () {
	if (hasRequiredBool) return bool;
	hasRequiredBool = 1;

	var Scalar = requireScalar();

	function boolStringify({ value, source }, ctx) {
	    const boolObj = value ? trueTag : falseTag;
	    if (source && boolObj.test.test(source))
	        return source;
	    return value ? ctx.options.trueStr : ctx.options.falseStr;
	}
	const trueTag = {
	    identify: value => value === true,
	    default: true,
	    tag: 'tag:yaml.org,2002:bool',
	    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
	    resolve: () => new Scalar.Scalar(true),
	    stringify: boolStringify
	};
	const falseTag = {
	    identify: value => value === false,
	    default: true,
	    tag: 'tag:yaml.org,2002:bool',
	    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
	    resolve: () => new Scalar.Scalar(false),
	    stringify: boolStringify
	};

	bool.falseTag = falseTag;
	bool.trueTag = trueTag;
	return bool;
}

var float = {};

var hasRequiredFloat;

function requireFloat () {
	if (hasRequiredFloat) return float;
	hasRequiredFloat = 1;

	var Scalar = requireScalar();
	var stringifyNumber = requireStringifyNumber();

	const floatNaN = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
	    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
	        ? NaN
	        : str[0] === '-'
	            ? Number.NEGATIVE_INFINITY
	            : Number.POSITIVE_INFINITY,
	    stringify: stringifyNumber.stringifyNumber
	};
	const floatExp = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    format: 'EXP',
	    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
	    resolve: (str) => parseFloat(str.replace(/_/g, '')),
	    stringify(node) {
	        const num = Number(node.value);
	        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
	    }
	};
	const float$1 = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
	    resolve(str) {
	        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
	        const dot = str.indexOf('.');
	        if (dot !== -1) {
	            const f = str.substring(dot + 1).replace(/_/g, '');
	            if (f[f.length - 1] === '0')
	                node.minFractionDigits = f.length;
	        }
	        return node;
	    },
	    stringify: stringifyNumber.stringifyNumber
	};

	float.float = float$1;
	float.floatExp = floatExp;
	float.floatNaN = floatNaN;
	return float;
}

var int = {};

var hasRequiredInt;

function requireInt () {
	if (hasRequiredInt) return int;
	hasRequiredInt = 1;

	var stringifyNumber = requireStringifyNumber();

	const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
	function intResolve(str, offset, radix, { intAsBigInt }) {
	    const sign = str[0];
	    if (sign === '-' || sign === '+')
	        offset += 1;
	    str = str.substring(offset).replace(/_/g, '');
	    if (intAsBigInt) {
	        switch (radix) {
	            case 2:
	                str = `0b${str}`;
	                break;
	            case 8:
	                str = `0o${str}`;
	                break;
	            case 16:
	                str = `0x${str}`;
	                break;
	        }
	        const n = BigInt(str);
	        return sign === '-' ? BigInt(-1) * n : n;
	    }
	    const n = parseInt(str, radix);
	    return sign === '-' ? -1 * n : n;
	}
	function intStringify(node, radix, prefix) {
	    const { value } = node;
	    if (intIdentify(value)) {
	        const str = value.toString(radix);
	        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
	    }
	    return stringifyNumber.stringifyNumber(node);
	}
	const intBin = {
	    identify: intIdentify,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'BIN',
	    test: /^[-+]?0b[0-1_]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
	    stringify: node => intStringify(node, 2, '0b')
	};
	const intOct = {
	    identify: intIdentify,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'OCT',
	    test: /^[-+]?0[0-7_]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
	    stringify: node => intStringify(node, 8, '0')
	};
	const int$1 = {
	    identify: intIdentify,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    test: /^[-+]?[0-9][0-9_]*$/,
	    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
	    stringify: stringifyNumber.stringifyNumber
	};
	const intHex = {
	    identify: intIdentify,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'HEX',
	    test: /^[-+]?0x[0-9a-fA-F_]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
	    stringify: node => intStringify(node, 16, '0x')
	};

	int.int = int$1;
	int.intBin = intBin;
	int.intHex = intHex;
	int.intOct = intOct;
	return int;
}

var set = {};

var hasRequiredSet;

function requireSet () {
	if (hasRequiredSet) return set;
	hasRequiredSet = 1;

	var identity = requireIdentity();
	var Pair = requirePair();
	var YAMLMap = requireYAMLMap();

	class YAMLSet extends YAMLMap.YAMLMap {
	    constructor(schema) {
	        super(schema);
	        this.tag = YAMLSet.tag;
	    }
	    add(key) {
	        let pair;
	        if (identity.isPair(key))
	            pair = key;
	        else if (key &&
	            typeof key === 'object' &&
	            'key' in key &&
	            'value' in key &&
	            key.value === null)
	            pair = new Pair.Pair(key.key, null);
	        else
	            pair = new Pair.Pair(key, null);
	        const prev = YAMLMap.findPair(this.items, pair.key);
	        if (!prev)
	            this.items.push(pair);
	    }
	    /**
	     * If `keepPair` is `true`, returns the Pair matching `key`.
	     * Otherwise, returns the value of that Pair's key.
	     */
	    get(key, keepPair) {
	        const pair = YAMLMap.findPair(this.items, key);
	        return !keepPair && identity.isPair(pair)
	            ? identity.isScalar(pair.key)
	                ? pair.key.value
	                : pair.key
	            : pair;
	    }
	    set(key, value) {
	        if (typeof value !== 'boolean')
	            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
	        const prev = YAMLMap.findPair(this.items, key);
	        if (prev && !value) {
	            this.items.splice(this.items.indexOf(prev), 1);
	        }
	        else if (!prev && value) {
	            this.items.push(new Pair.Pair(key));
	        }
	    }
	    toJSON(_, ctx) {
	        return super.toJSON(_, ctx, Set);
	    }
	    toString(ctx, onComment, onChompKeep) {
	        if (!ctx)
	            return JSON.stringify(this);
	        if (this.hasAllNullValues(true))
	            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
	        else
	            throw new Error('Set items must all have null values');
	    }
	    static from(schema, iterable, ctx) {
	        const { replacer } = ctx;
	        const set = new this(schema);
	        if (iterable && Symbol.iterator in Object(iterable))
	            for (let value of iterable) {
	                if (typeof replacer === 'function')
	                    value = replacer.call(iterable, value, value);
	                set.items.push(Pair.createPair(value, null, ctx));
	            }
	        return set;
	    }
	}
	YAMLSet.tag = 'tag:yaml.org,2002:set';
	const set$1 = {
	    collection: 'map',
	    identify: value => value instanceof Set,
	    nodeClass: YAMLSet,
	    default: false,
	    tag: 'tag:yaml.org,2002:set',
	    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
	    resolve(map, onError) {
	        if (identity.isMap(map)) {
	            if (map.hasAllNullValues(true))
	                return Object.assign(new YAMLSet(), map);
	            else
	                onError('Set items must all have null values');
	        }
	        else
	            onError('Expected a mapping for this tag');
	        return map;
	    }
	};

	set.YAMLSet = YAMLSet;
	set.set = set$1;
	return set;
}

var timestamp = {};

var hasRequiredTimestamp;

function requireTimestamp () {
	if (hasRequiredTimestamp) return timestamp;
	hasRequiredTimestamp = 1;

	var stringifyNumber = requireStringifyNumber();

	/** Internal types handle bigint as number, because TS can't figure it out. */
	function parseSexagesimal(str, asBigInt) {
	    const sign = str[0];
	    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
	    const num = (n) => asBigInt ? BigInt(n) : Number(n);
	    const res = parts
	        .replace(/_/g, '')
	        .split(':')
	        .reduce((res, p) => res * num(60) + num(p), num(0));
	    return (sign === '-' ? num(-1) * res : res);
	}
	/**
	 * hhhh:mm:ss.sss
	 *
	 * Internal types handle bigint as number, because TS can't figure it out.
	 */
	function stringifySexagesimal(node) {
	    let { value } = node;
	    let num = (n) => n;
	    if (typeof value === 'bigint')
	        num = n => BigInt(n);
	    else if (isNaN(value) || !isFinite(value))
	        return stringifyNumber.stringifyNumber(node);
	    let sign = '';
	    if (value < 0) {
	        sign = '-';
	        value *= num(-1);
	    }
	    const _60 = num(60);
	    const parts = [value % _60]; // seconds, including ms
	    if (value < 60) {
	        parts.unshift(0); // at least one : is required
	    }
	    else {
	        value = (value - parts[0]) / _60;
	        parts.unshift(value % _60); // minutes
	        if (value >= 60) {
	            value = (value - parts[0]) / _60;
	            parts.unshift(value); // hours
	        }
	    }
	    return (sign +
	        parts
	            .map(n => String(n).padStart(2, '0'))
	            .join(':')
	            .replace(/000000\d*$/, '') // % 60 may introduce error
	    );
	}
	const intTime = {
	    identify: value => typeof value === 'bigint' || Number.isInteger(value),
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'TIME',
	    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
	    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
	    stringify: stringifySexagesimal
	};
	const floatTime = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    format: 'TIME',
	    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
	    resolve: str => parseSexagesimal(str, false),
	    stringify: stringifySexagesimal
	};
	const timestamp$1 = {
	    identify: value => value instanceof Date,
	    default: true,
	    tag: 'tag:yaml.org,2002:timestamp',
	    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
	    // may be omitted altogether, resulting in a date format. In such a case, the time part is
	    // assumed to be 00:00:00Z (start of day, UTC).
	    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
	        '(?:' + // time is optional
	        '(?:t|T|[ \\t]+)' + // t | T | whitespace
	        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
	        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
	        ')?$'),
	    resolve(str) {
	        const match = str.match(timestamp$1.test);
	        if (!match)
	            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
	        const [, year, month, day, hour, minute, second] = match.map(Number);
	        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
	        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
	        const tz = match[8];
	        if (tz && tz !== 'Z') {
	            let d = parseSexagesimal(tz, false);
	            if (Math.abs(d) < 30)
	                d *= 60;
	            date -= 60000 * d;
	        }
	        return new Date(date);
	    },
	    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
	};

	timestamp.floatTime = floatTime;
	timestamp.intTime = intTime;
	timestamp.timestamp = timestamp$1;
	return timestamp;
}

var hasRequiredSchema$1;

function requireSchema$1 () {
	if (hasRequiredSchema$1) return schema;
	hasRequiredSchema$1 = 1;

	var map = requireMap();
	var _null = require_null();
	var seq = requireSeq();
	var string = requireString();
	var binary = requireBinary();
	var bool = requireBool();
	var float = requireFloat();
	var int = requireInt();
	var merge = requireMerge();
	var omap = requireOmap();
	var pairs = requirePairs();
	var set = requireSet();
	var timestamp = requireTimestamp();

	const schema$1 = [
	    map.map,
	    seq.seq,
	    string.string,
	    _null.nullTag,
	    bool.trueTag,
	    bool.falseTag,
	    int.intBin,
	    int.intOct,
	    int.int,
	    int.intHex,
	    float.floatNaN,
	    float.floatExp,
	    float.float,
	    binary.binary,
	    merge.merge,
	    omap.omap,
	    pairs.pairs,
	    set.set,
	    timestamp.intTime,
	    timestamp.floatTime,
	    timestamp.timestamp
	];

	schema.schema = schema$1;
	return schema;
}

var hasRequiredTags;

function requireTags () {
	if (hasRequiredTags) return tags;
	hasRequiredTags = 1;

	var map = requireMap();
	var _null = require_null();
	var seq = requireSeq();
	var string = requireString();
	var bool = requireBool$1();
	var float = requireFloat$1();
	var int = requireInt$1();
	var schema = requireSchema$3();
	var schema$1 = requireSchema$2();
	var binary = requireBinary();
	var merge = requireMerge();
	var omap = requireOmap();
	var pairs = requirePairs();
	var schema$2 = requireSchema$1();
	var set = requireSet();
	var timestamp = requireTimestamp();

	const schemas = new Map([
	    ['core', schema.schema],
	    ['failsafe', [map.map, seq.seq, string.string]],
	    ['json', schema$1.schema],
	    ['yaml11', schema$2.schema],
	    ['yaml-1.1', schema$2.schema]
	]);
	const tagsByName = {
	    binary: binary.binary,
	    bool: bool.boolTag,
	    float: float.float,
	    floatExp: float.floatExp,
	    floatNaN: float.floatNaN,
	    floatTime: timestamp.floatTime,
	    int: int.int,
	    intHex: int.intHex,
	    intOct: int.intOct,
	    intTime: timestamp.intTime,
	    map: map.map,
	    merge: merge.merge,
	    null: _null.nullTag,
	    omap: omap.omap,
	    pairs: pairs.pairs,
	    seq: seq.seq,
	    set: set.set,
	    timestamp: timestamp.timestamp
	};
	const coreKnownTags = {
	    'tag:yaml.org,2002:binary': binary.binary,
	    'tag:yaml.org,2002:merge': merge.merge,
	    'tag:yaml.org,2002:omap': omap.omap,
	    'tag:yaml.org,2002:pairs': pairs.pairs,
	    'tag:yaml.org,2002:set': set.set,
	    'tag:yaml.org,2002:timestamp': timestamp.timestamp
	};
	function getTags(customTags, schemaName, addMergeTag) {
	    const schemaTags = schemas.get(schemaName);
	    if (schemaTags && !customTags) {
	        return addMergeTag && !schemaTags.includes(merge.merge)
	            ? schemaTags.concat(merge.merge)
	            : schemaTags.slice();
	    }
	    let tags = schemaTags;
	    if (!tags) {
	        if (Array.isArray(customTags))
	            tags = [];
	        else {
	            const keys = Array.from(schemas.keys())
	                .filter(key => key !== 'yaml11')
	                .map(key => JSON.stringify(key))
	                .join(', ');
	            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
	        }
	    }
	    if (Array.isArray(customTags)) {
	        for (const tag of customTags)
	            tags = tags.concat(tag);
	    }
	    else if (typeof customTags === 'function') {
	        tags = customTags(tags.slice());
	    }
	    if (addMergeTag)
	        tags = tags.concat(merge.merge);
	    return tags.reduce((tags, tag) => {
	        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
	        if (!tagObj) {
	            const tagName = JSON.stringify(tag);
	            const keys = Object.keys(tagsByName)
	                .map(key => JSON.stringify(key))
	                .join(', ');
	            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
	        }
	        if (!tags.includes(tagObj))
	            tags.push(tagObj);
	        return tags;
	    }, []);
	}

	tags.coreKnownTags = coreKnownTags;
	tags.getTags = getTags;
	return tags;
}

var hasRequiredSchema;

function requireSchema () {
	if (hasRequiredSchema) return Schema;
	hasRequiredSchema = 1;

	var identity = requireIdentity();
	var map = requireMap();
	var seq = requireSeq();
	var string = requireString();
	var tags = requireTags();

	const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
	let Schema$1 = class Schema {
	    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
	        this.compat = Array.isArray(compat)
	            ? tags.getTags(compat, 'compat')
	            : compat
	                ? tags.getTags(null, compat)
	                : null;
	        this.name = (typeof schema === 'string' && schema) || 'core';
	        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
	        this.tags = tags.getTags(customTags, this.name, merge);
	        this.toStringOptions = toStringDefaults ?? null;
	        Object.defineProperty(this, identity.MAP, { value: map.map });
	        Object.defineProperty(this, identity.SCALAR, { value: string.string });
	        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
	        // Used by createMap()
	        this.sortMapEntries =
	            typeof sortMapEntries === 'function'
	                ? sortMapEntries
	                : sortMapEntries === true
	                    ? sortMapEntriesByKey
	                    : null;
	    }
	    clone() {
	        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
	        copy.tags = this.tags.slice();
	        return copy;
	    }
	};

	Schema.Schema = Schema$1;
	return Schema;
}

var stringifyDocument = {};

var hasRequiredStringifyDocument;

function requireStringifyDocument () {
	if (hasRequiredStringifyDocument) return stringifyDocument;
	hasRequiredStringifyDocument = 1;

	var identity = requireIdentity();
	var stringify = requireStringify();
	var stringifyComment = requireStringifyComment();

	function stringifyDocument$1(doc, options) {
	    const lines = [];
	    let hasDirectives = options.directives === true;
	    if (options.directives !== false && doc.directives) {
	        const dir = doc.directives.toString(doc);
	        if (dir) {
	            lines.push(dir);
	            hasDirectives = true;
	        }
	        else if (doc.directives.docStart)
	            hasDirectives = true;
	    }
	    if (hasDirectives)
	        lines.push('---');
	    const ctx = stringify.createStringifyContext(doc, options);
	    const { commentString } = ctx.options;
	    if (doc.commentBefore) {
	        if (lines.length !== 1)
	            lines.unshift('');
	        const cs = commentString(doc.commentBefore);
	        lines.unshift(stringifyComment.indentComment(cs, ''));
	    }
	    let chompKeep = false;
	    let contentComment = null;
	    if (doc.contents) {
	        if (identity.isNode(doc.contents)) {
	            if (doc.contents.spaceBefore && hasDirectives)
	                lines.push('');
	            if (doc.contents.commentBefore) {
	                const cs = commentString(doc.contents.commentBefore);
	                lines.push(stringifyComment.indentComment(cs, ''));
	            }
	            // top-level block scalars need to be indented if followed by a comment
	            ctx.forceBlockIndent = !!doc.comment;
	            contentComment = doc.contents.comment;
	        }
	        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
	        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
	        if (contentComment)
	            body += stringifyComment.lineComment(body, '', commentString(contentComment));
	        if ((body[0] === '|' || body[0] === '>') &&
	            lines[lines.length - 1] === '---') {
	            // Top-level block scalars with a preceding doc marker ought to use the
	            // same line for their header.
	            lines[lines.length - 1] = `--- ${body}`;
	        }
	        else
	            lines.push(body);
	    }
	    else {
	        lines.push(stringify.stringify(doc.contents, ctx));
	    }
	    if (doc.directives?.docEnd) {
	        if (doc.comment) {
	            const cs = commentString(doc.comment);
	            if (cs.includes('\n')) {
	                lines.push('...');
	                lines.push(stringifyComment.indentComment(cs, ''));
	            }
	            else {
	                lines.push(`... ${cs}`);
	            }
	        }
	        else {
	            lines.push('...');
	        }
	    }
	    else {
	        let dc = doc.comment;
	        if (dc && chompKeep)
	            dc = dc.replace(/^\n+/, '');
	        if (dc) {
	            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
	                lines.push('');
	            lines.push(stringifyComment.indentComment(commentString(dc), ''));
	        }
	    }
	    return lines.join('\n') + '\n';
	}

	stringifyDocument.stringifyDocument = stringifyDocument$1;
	return stringifyDocument;
}

var hasRequiredDocument;

function requireDocument () {
	if (hasRequiredDocument) return Document;
	hasRequiredDocument = 1;

	var Alias = requireAlias();
	var Collection = requireCollection();
	var identity = requireIdentity();
	var Pair = requirePair();
	var toJS = requireToJS();
	var Schema = requireSchema();
	var stringifyDocument = requireStringifyDocument();
	var anchors = requireAnchors();
	var applyReviver = requireApplyReviver();
	var createNode = requireCreateNode();
	var directives = requireDirectives();

	let Document$1 = class Document {
	    constructor(value, replacer, options) {
	        /** A comment before this Document */
	        this.commentBefore = null;
	        /** A comment immediately after this Document */
	        this.comment = null;
	        /** Errors encountered during parsing. */
	        this.errors = [];
	        /** Warnings encountered during parsing. */
	        this.warnings = [];
	        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
	        let _replacer = null;
	        if (typeof replacer === 'function' || Array.isArray(replacer)) {
	            _replacer = replacer;
	        }
	        else if (options === undefined && replacer) {
	            options = replacer;
	            replacer = undefined;
	        }
	        const opt = Object.assign({
	            intAsBigInt: false,
	            keepSourceTokens: false,
	            logLevel: 'warn',
	            prettyErrors: true,
	            strict: true,
	            stringKeys: false,
	            uniqueKeys: true,
	            version: '1.2'
	        }, options);
	        this.options = opt;
	        let { version } = opt;
	        if (options?._directives) {
	            this.directives = options._directives.atDocument();
	            if (this.directives.yaml.explicit)
	                version = this.directives.yaml.version;
	        }
	        else
	            this.directives = new directives.Directives({ version });
	        this.setSchema(version, options);
	        // @ts-expect-error We can't really know that this matches Contents.
	        this.contents =
	            value === undefined ? null : this.createNode(value, _replacer, options);
	    }
	    /**
	     * Create a deep copy of this Document and its contents.
	     *
	     * Custom Node values that inherit from `Object` still refer to their original instances.
	     */
	    clone() {
	        const copy = Object.create(Document.prototype, {
	            [identity.NODE_TYPE]: { value: identity.DOC }
	        });
	        copy.commentBefore = this.commentBefore;
	        copy.comment = this.comment;
	        copy.errors = this.errors.slice();
	        copy.warnings = this.warnings.slice();
	        copy.options = Object.assign({}, this.options);
	        if (this.directives)
	            copy.directives = this.directives.clone();
	        copy.schema = this.schema.clone();
	        // @ts-expect-error We can't really know that this matches Contents.
	        copy.contents = identity.isNode(this.contents)
	            ? this.contents.clone(copy.schema)
	            : this.contents;
	        if (this.range)
	            copy.range = this.range.slice();
	        return copy;
	    }
	    /** Adds a value to the document. */
	    add(value) {
	        if (assertCollection(this.contents))
	            this.contents.add(value);
	    }
	    /** Adds a value to the document. */
	    addIn(path, value) {
	        if (assertCollection(this.contents))
	            this.contents.addIn(path, value);
	    }
	    /**
	     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
	     *
	     * If `node` already has an anchor, `name` is ignored.
	     * Otherwise, the `node.anchor` value will be set to `name`,
	     * or if an anchor with that name is already present in the document,
	     * `name` will be used as a prefix for a new unique anchor.
	     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
	     */
	    createAlias(node, name) {
	        if (!node.anchor) {
	            const prev = anchors.anchorNames(this);
	            node.anchor =
	                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
	                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
	        }
	        return new Alias.Alias(node.anchor);
	    }
	    createNode(value, replacer, options) {
	        let _replacer = undefined;
	        if (typeof replacer === 'function') {
	            value = replacer.call({ '': value }, '', value);
	            _replacer = replacer;
	        }
	        else if (Array.isArray(replacer)) {
	            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
	            const asStr = replacer.filter(keyToStr).map(String);
	            if (asStr.length > 0)
	                replacer = replacer.concat(asStr);
	            _replacer = replacer;
	        }
	        else if (options === undefined && replacer) {
	            options = replacer;
	            replacer = undefined;
	        }
	        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
	        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
	        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
	        anchorPrefix || 'a');
	        const ctx = {
	            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
	            keepUndefined: keepUndefined ?? false,
	            onAnchor,
	            onTagObj,
	            replacer: _replacer,
	            schema: this.schema,
	            sourceObjects
	        };
	        const node = createNode.createNode(value, tag, ctx);
	        if (flow && identity.isCollection(node))
	            node.flow = true;
	        setAnchors();
	        return node;
	    }
	    /**
	     * Convert a key and a value into a `Pair` using the current schema,
	     * recursively wrapping all values as `Scalar` or `Collection` nodes.
	     */
	    createPair(key, value, options = {}) {
	        const k = this.createNode(key, null, options);
	        const v = this.createNode(value, null, options);
	        return new Pair.Pair(k, v);
	    }
	    /**
	     * Removes a value from the document.
	     * @returns `true` if the item was found and removed.
	     */
	    delete(key) {
	        return assertCollection(this.contents) ? this.contents.delete(key) : false;
	    }
	    /**
	     * Removes a value from the document.
	     * @returns `true` if the item was found and removed.
	     */
	    deleteIn(path) {
	        if (Collection.isEmptyPath(path)) {
	            if (this.contents == null)
	                return false;
	            // @ts-expect-error Presumed impossible if Strict extends false
	            this.contents = null;
	            return true;
	        }
	        return assertCollection(this.contents)
	            ? this.contents.deleteIn(path)
	            : false;
	    }
	    /**
	     * Returns item at `key`, or `undefined` if not found. By default unwraps
	     * scalar values from their surrounding node; to disable set `keepScalar` to
	     * `true` (collections are always returned intact).
	     */
	    get(key, keepScalar) {
	        return identity.isCollection(this.contents)
	            ? this.contents.get(key, keepScalar)
	            : undefined;
	    }
	    /**
	     * Returns item at `path`, or `undefined` if not found. By default unwraps
	     * scalar values from their surrounding node; to disable set `keepScalar` to
	     * `true` (collections are always returned intact).
	     */
	    getIn(path, keepScalar) {
	        if (Collection.isEmptyPath(path))
	            return !keepScalar && identity.isScalar(this.contents)
	                ? this.contents.value
	                : this.contents;
	        return identity.isCollection(this.contents)
	            ? this.contents.getIn(path, keepScalar)
	            : undefined;
	    }
	    /**
	     * Checks if the document includes a value with the key `key`.
	     */
	    has(key) {
	        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
	    }
	    /**
	     * Checks if the document includes a value at `path`.
	     */
	    hasIn(path) {
	        if (Collection.isEmptyPath(path))
	            return this.contents !== undefined;
	        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
	    }
	    /**
	     * Sets a value in this document. For `!!set`, `value` needs to be a
	     * boolean to add/remove the item from the set.
	     */
	    set(key, value) {
	        if (this.contents == null) {
	            // @ts-expect-error We can't really know that this matches Contents.
	            this.contents = Collection.collectionFromPath(this.schema, [key], value);
	        }
	        else if (assertCollection(this.contents)) {
	            this.contents.set(key, value);
	        }
	    }
	    /**
	     * Sets a value in this document. For `!!set`, `value` needs to be a
	     * boolean to add/remove the item from the set.
	     */
	    setIn(path, value) {
	        if (Collection.isEmptyPath(path)) {
	            // @ts-expect-error We can't really know that this matches Contents.
	            this.contents = value;
	        }
	        else if (this.contents == null) {
	            // @ts-expect-error We can't really know that this matches Contents.
	            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
	        }
	        else if (assertCollection(this.contents)) {
	            this.contents.setIn(path, value);
	        }
	    }
	    /**
	     * Change the YAML version and schema used by the document.
	     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
	     * It also requires the `schema` option to be given as a `Schema` instance value.
	     *
	     * Overrides all previously set schema options.
	     */
	    setSchema(version, options = {}) {
	        if (typeof version === 'number')
	            version = String(version);
	        let opt;
	        switch (version) {
	            case '1.1':
	                if (this.directives)
	                    this.directives.yaml.version = '1.1';
	                else
	                    this.directives = new directives.Directives({ version: '1.1' });
	                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
	                break;
	            case '1.2':
	            case 'next':
	                if (this.directives)
	                    this.directives.yaml.version = version;
	                else
	                    this.directives = new directives.Directives({ version });
	                opt = { resolveKnownTags: true, schema: 'core' };
	                break;
	            case null:
	                if (this.directives)
	                    delete this.directives;
	                opt = null;
	                break;
	            default: {
	                const sv = JSON.stringify(version);
	                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
	            }
	        }
	        // Not using `instanceof Schema` to allow for duck typing
	        if (options.schema instanceof Object)
	            this.schema = options.schema;
	        else if (opt)
	            this.schema = new Schema.Schema(Object.assign(opt, options));
	        else
	            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
	    }
	    // json & jsonArg are only used from toJSON()
	    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
	        const ctx = {
	            anchors: new Map(),
	            doc: this,
	            keep: !json,
	            mapAsMap: mapAsMap === true,
	            mapKeyWarned: false,
	            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
	        };
	        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
	        if (typeof onAnchor === 'function')
	            for (const { count, res } of ctx.anchors.values())
	                onAnchor(res, count);
	        return typeof reviver === 'function'
	            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
	            : res;
	    }
	    /**
	     * A JSON representation of the document `contents`.
	     *
	     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
	     *   property name.
	     */
	    toJSON(jsonArg, onAnchor) {
	        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
	    }
	    /** A YAML representation of the document. */
	    toString(options = {}) {
	        if (this.errors.length > 0)
	            throw new Error('Document with errors cannot be stringified');
	        if ('indent' in options &&
	            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
	            const s = JSON.stringify(options.indent);
	            throw new Error(`"indent" option must be a positive integer, not ${s}`);
	        }
	        return stringifyDocument.stringifyDocument(this, options);
	    }
	};
	function assertCollection(contents) {
	    if (identity.isCollection(contents))
	        return true;
	    throw new Error('Expected a YAML collection as document contents');
	}

	Document.Document = Document$1;
	return Document;
}

var errors = {};

var hasRequiredErrors;

function requireErrors () {
	if (hasRequiredErrors) return errors;
	hasRequiredErrors = 1;

	class YAMLError extends Error {
	    constructor(name, pos, code, message) {
	        super();
	        this.name = name;
	        this.code = code;
	        this.message = message;
	        this.pos = pos;
	    }
	}
	class YAMLParseError extends YAMLError {
	    constructor(pos, code, message) {
	        super('YAMLParseError', pos, code, message);
	    }
	}
	class YAMLWarning extends YAMLError {
	    constructor(pos, code, message) {
	        super('YAMLWarning', pos, code, message);
	    }
	}
	const prettifyError = (src, lc) => (error) => {
	    if (error.pos[0] === -1)
	        return;
	    error.linePos = error.pos.map(pos => lc.linePos(pos));
	    const { line, col } = error.linePos[0];
	    error.message += ` at line ${line}, column ${col}`;
	    let ci = col - 1;
	    let lineStr = src
	        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
	        .replace(/[\n\r]+$/, '');
	    // Trim to max 80 chars, keeping col position near the middle
	    if (ci >= 60 && lineStr.length > 80) {
	        const trimStart = Math.min(ci - 39, lineStr.length - 79);
	        lineStr = '…' + lineStr.substring(trimStart);
	        ci -= trimStart - 1;
	    }
	    if (lineStr.length > 80)
	        lineStr = lineStr.substring(0, 79) + '…';
	    // Include previous line in context if pointing at line start
	    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
	        // Regexp won't match if start is trimmed
	        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
	        if (prev.length > 80)
	            prev = prev.substring(0, 79) + '…\n';
	        lineStr = prev + lineStr;
	    }
	    if (/[^ ]/.test(lineStr)) {
	        let count = 1;
	        const end = error.linePos[1];
	        if (end?.line === line && end.col > col) {
	            count = Math.max(1, Math.min(end.col - col, 80 - ci));
	        }
	        const pointer = ' '.repeat(ci) + '^'.repeat(count);
	        error.message += `:\n\n${lineStr}\n${pointer}\n`;
	    }
	};

	errors.YAMLError = YAMLError;
	errors.YAMLParseError = YAMLParseError;
	errors.YAMLWarning = YAMLWarning;
	errors.prettifyError = prettifyError;
	return errors;
}

var composeDoc = {};

var composeNode = {};

var composeCollection = {};

var resolveBlockMap = {};

var resolveProps = {};

var hasRequiredResolveProps;

function requireResolveProps () {
	if (hasRequiredResolveProps) return resolveProps;
	hasRequiredResolveProps = 1;

	function resolveProps$1(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
	    let spaceBefore = false;
	    let atNewline = startOnNewline;
	    let hasSpace = startOnNewline;
	    let comment = '';
	    let commentSep = '';
	    let hasNewline = false;
	    let reqSpace = false;
	    let tab = null;
	    let anchor = null;
	    let tag = null;
	    let newlineAfterProp = null;
	    let comma = null;
	    let found = null;
	    let start = null;
	    for (const token of tokens) {
	        if (reqSpace) {
	            if (token.type !== 'space' &&
	                token.type !== 'newline' &&
	                token.type !== 'comma')
	                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
	            reqSpace = false;
	        }
	        if (tab) {
	            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
	                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
	            }
	            tab = null;
	        }
	        switch (token.type) {
	            case 'space':
	                // At the doc level, tabs at line start may be parsed
	                // as leading white space rather than indentation.
	                // In a flow collection, only the parser handles indent.
	                if (!flow &&
	                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
	                    token.source.includes('\t')) {
	                    tab = token;
	                }
	                hasSpace = true;
	                break;
	            case 'comment': {
	                if (!hasSpace)
	                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
	                const cb = token.source.substring(1) || ' ';
	                if (!comment)
	                    comment = cb;
	                else
	                    comment += commentSep + cb;
	                commentSep = '';
	                atNewline = false;
	                break;
	            }
	            case 'newline':
	                if (atNewline) {
	                    if (comment)
	                        comment += token.source;
	                    else if (!found || indicator !== 'seq-item-ind')
	                        spaceBefore = true;
	                }
	                else
	                    commentSep += token.source;
	                atNewline = true;
	                hasNewline = true;
	                if (anchor || tag)
	                    newlineAfterProp = token;
	                hasSpace = true;
	                break;
	            case 'anchor':
	                if (anchor)
	                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
	                if (token.source.endsWith(':'))
	                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
	                anchor = token;
	                start ?? (start = token.offset);
	                atNewline = false;
	                hasSpace = false;
	                reqSpace = true;
	                break;
	            case 'tag': {
	                if (tag)
	                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
	                tag = token;
	                start ?? (start = token.offset);
	                atNewline = false;
	                hasSpace = false;
	                reqSpace = true;
	                break;
	            }
	            case indicator:
	                // Could here handle preceding comments differently
	                if (anchor || tag)
	                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
	                if (found)
	                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
	                found = token;
	                atNewline =
	                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
	                hasSpace = false;
	                break;
	            case 'comma':
	                if (flow) {
	                    if (comma)
	                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
	                    comma = token;
	                    atNewline = false;
	                    hasSpace = false;
	                    break;
	                }
	            // else fallthrough
	            default:
	                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
	                atNewline = false;
	                hasSpace = false;
	        }
	    }
	    const last = tokens[tokens.length - 1];
	    const end = last ? last.offset + last.source.length : offset;
	    if (reqSpace &&
	        next &&
	        next.type !== 'space' &&
	        next.type !== 'newline' &&
	        next.type !== 'comma' &&
	        (next.type !== 'scalar' || next.source !== '')) {
	        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
	    }
	    if (tab &&
	        ((atNewline && tab.indent <= parentIndent) ||
	            next?.type === 'block-map' ||
	            next?.type === 'block-seq'))
	        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
	    return {
	        comma,
	        found,
	        spaceBefore,
	        comment,
	        hasNewline,
	        anchor,
	        tag,
	        newlineAfterProp,
	        end,
	        start: start ?? end
	    };
	}

	resolveProps.resolveProps = resolveProps$1;
	return resolveProps;
}

var utilContainsNewline = {};

var hasRequiredUtilContainsNewline;

function requireUtilContainsNewline () {
	if (hasRequiredUtilContainsNewline) return utilContainsNewline;
	hasRequiredUtilContainsNewline = 1;

	function containsNewline(key) {
	    if (!key)
	        return null;
	    switch (key.type) {
	        case 'alias':
	        case 'scalar':
	        case 'double-quoted-scalar':
	        case 'single-quoted-scalar':
	            if (key.source.includes('\n'))
	                return true;
	            if (key.end)
	                for (const st of key.end)
	                    if (st.type === 'newline')
	                        return true;
	            return false;
	        case 'flow-collection':
	            for (const it of key.items) {
	                for (const st of it.start)
	                    if (st.type === 'newline')
	                        return true;
	                if (it.sep)
	                    for (const st of it.sep)
	                        if (st.type === 'newline')
	                            return true;
	                if (containsNewline(it.key) || containsNewline(it.value))
	                    return true;
	            }
	            return false;
	        default:
	            return true;
	    }
	}

	utilContainsNewline.containsNewline = containsNewline;
	return utilContainsNewline;
}

var utilFlowIndentCheck = {};

var hasRequiredUtilFlowIndentCheck;

function requireUtilFlowIndentCheck () {
	if (hasRequiredUtilFlowIndentCheck) return utilFlowIndentCheck;
	hasRequiredUtilFlowIndentCheck = 1;

	var utilContainsNewline = requireUtilContainsNewline();

	function flowIndentCheck(indent, fc, onError) {
	    if (fc?.type === 'flow-collection') {
	        const end = fc.end[0];
	        if (end.indent === indent &&
	            (end.source === ']' || end.source === '}') &&
	            utilContainsNewline.containsNewline(fc)) {
	            const msg = 'Flow end indicator should be more indented than parent';
	            onError(end, 'BAD_INDENT', msg, true);
	        }
	    }
	}

	utilFlowIndentCheck.flowIndentCheck = flowIndentCheck;
	return utilFlowIndentCheck;
}

var utilMapIncludes = {};

var hasRequiredUtilMapIncludes;

function requireUtilMapIncludes () {
	if (hasRequiredUtilMapIncludes) return utilMapIncludes;
	hasRequiredUtilMapIncludes = 1;

	var identity = requireIdentity();

	function mapIncludes(ctx, items, search) {
	    const { uniqueKeys } = ctx.options;
	    if (uniqueKeys === false)
	        return false;
	    const isEqual = typeof uniqueKeys === 'function'
	        ? uniqueKeys
	        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
	    return items.some(pair => isEqual(pair.key, search));
	}

	utilMapIncludes.mapIncludes = mapIncludes;
	return utilMapIncludes;
}

var hasRequiredResolveBlockMap;

function requireResolveBlockMap () {
	if (hasRequiredResolveBlockMap) return resolveBlockMap;
	hasRequiredResolveBlockMap = 1;

	var Pair = requirePair();
	var YAMLMap = requireYAMLMap();
	var resolveProps = requireResolveProps();
	var utilContainsNewline = requireUtilContainsNewline();
	var utilFlowIndentCheck = requireUtilFlowIndentCheck();
	var utilMapIncludes = requireUtilMapIncludes();

	const startColMsg = 'All mapping items must start at the same column';
	function resolveBlockMap$1({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
	    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
	    const map = new NodeClass(ctx.schema);
	    if (ctx.atRoot)
	        ctx.atRoot = false;
	    let offset = bm.offset;
	    let commentEnd = null;
	    for (const collItem of bm.items) {
	        const { start, key, sep, value } = collItem;
	        // key properties
	        const keyProps = resolveProps.resolveProps(start, {
	            indicator: 'explicit-key-ind',
	            next: key ?? sep?.[0],
	            offset,
	            onError,
	            parentIndent: bm.indent,
	            startOnNewline: true
	        });
	        const implicitKey = !keyProps.found;
	        if (implicitKey) {
	            if (key) {
	                if (key.type === 'block-seq')
	                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
	                else if ('indent' in key && key.indent !== bm.indent)
	                    onError(offset, 'BAD_INDENT', startColMsg);
	            }
	            if (!keyProps.anchor && !keyProps.tag && !sep) {
	                commentEnd = keyProps.end;
	                if (keyProps.comment) {
	                    if (map.comment)
	                        map.comment += '\n' + keyProps.comment;
	                    else
	                        map.comment = keyProps.comment;
	                }
	                continue;
	            }
	            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
	                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
	            }
	        }
	        else if (keyProps.found?.indent !== bm.indent) {
	            onError(offset, 'BAD_INDENT', startColMsg);
	        }
	        // key value
	        ctx.atKey = true;
	        const keyStart = keyProps.end;
	        const keyNode = key
	            ? composeNode(ctx, key, keyProps, onError)
	            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
	        if (ctx.schema.compat)
	            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
	        ctx.atKey = false;
	        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
	            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
	        // value properties
	        const valueProps = resolveProps.resolveProps(sep ?? [], {
	            indicator: 'map-value-ind',
	            next: value,
	            offset: keyNode.range[2],
	            onError,
	            parentIndent: bm.indent,
	            startOnNewline: !key || key.type === 'block-scalar'
	        });
	        offset = valueProps.end;
	        if (valueProps.found) {
	            if (implicitKey) {
	                if (value?.type === 'block-map' && !valueProps.hasNewline)
	                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
	                if (ctx.options.strict &&
	                    keyProps.start < valueProps.found.offset - 1024)
	                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
	            }
	            // value value
	            const valueNode = value
	                ? composeNode(ctx, value, valueProps, onError)
	                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
	            if (ctx.schema.compat)
	                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
	            offset = valueNode.range[2];
	            const pair = new Pair.Pair(keyNode, valueNode);
	            if (ctx.options.keepSourceTokens)
	                pair.srcToken = collItem;
	            map.items.push(pair);
	        }
	        else {
	            // key with no value
	            if (implicitKey)
	                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
	            if (valueProps.comment) {
	                if (keyNode.comment)
	                    keyNode.comment += '\n' + valueProps.comment;
	                else
	                    keyNode.comment = valueProps.comment;
	            }
	            const pair = new Pair.Pair(keyNode);
	            if (ctx.options.keepSourceTokens)
	                pair.srcToken = collItem;
	            map.items.push(pair);
	        }
	    }
	    if (commentEnd && commentEnd < offset)
	        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
	    map.range = [bm.offset, offset, commentEnd ?? offset];
	    return map;
	}

	resolveBlockMap.resolveBlockMap = resolveBlockMap$1;
	return resolveBlockMap;
}

var resolveBlockSeq = {};

var hasRequiredResolveBlockSeq;

function requireResolveBlockSeq () {
	if (hasRequiredResolveBlockSeq) return resolveBlockSeq;
	hasRequiredResolveBlockSeq = 1;

	var YAMLSeq = requireYAMLSeq();
	var resolveProps = requireResolveProps();
	var utilFlowIndentCheck = requireUtilFlowIndentCheck();

	function resolveBlockSeq$1({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
	    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
	    const seq = new NodeClass(ctx.schema);
	    if (ctx.atRoot)
	        ctx.atRoot = false;
	    if (ctx.atKey)
	        ctx.atKey = false;
	    let offset = bs.offset;
	    let commentEnd = null;
	    for (const { start, value } of bs.items) {
	        const props = resolveProps.resolveProps(start, {
	            indicator: 'seq-item-ind',
	            next: value,
	            offset,
	            onError,
	            parentIndent: bs.indent,
	            startOnNewline: true
	        });
	        if (!props.found) {
	            if (props.anchor || props.tag || value) {
	                if (value?.type === 'block-seq')
	                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
	                else
	                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
	            }
	            else {
	                commentEnd = props.end;
	                if (props.comment)
	                    seq.comment = props.comment;
	                continue;
	            }
	        }
	        const node = value
	            ? composeNode(ctx, value, props, onError)
	            : composeEmptyNode(ctx, props.end, start, null, props, onError);
	        if (ctx.schema.compat)
	            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
	        offset = node.range[2];
	        seq.items.push(node);
	    }
	    seq.range = [bs.offset, offset, commentEnd ?? offset];
	    return seq;
	}

	resolveBlockSeq.resolveBlockSeq = resolveBlockSeq$1;
	return resolveBlockSeq;
}

var resolveFlowCollection = {};

var resolveEnd = {};

var hasRequiredResolveEnd;

function requireResolveEnd () {
	if (hasRequiredResolveEnd) return resolveEnd;
	hasRequiredResolveEnd = 1;

	function resolveEnd$1(end, offset, reqSpace, onError) {
	    let comment = '';
	    if (end) {
	        let hasSpace = false;
	        let sep = '';
	        for (const token of end) {
	            const { source, type } = token;
	            switch (type) {
	                case 'space':
	                    hasSpace = true;
	                    break;
	                case 'comment': {
	                    if (reqSpace && !hasSpace)
	                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
	                    const cb = source.substring(1) || ' ';
	                    if (!comment)
	                        comment = cb;
	                    else
	                        comment += sep + cb;
	                    sep = '';
	                    break;
	                }
	                case 'newline':
	                    if (comment)
	                        sep += source;
	                    hasSpace = true;
	                    break;
	                default:
	                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
	            }
	            offset += source.length;
	        }
	    }
	    return { comment, offset };
	}

	resolveEnd.resolveEnd = resolveEnd$1;
	return resolveEnd;
}

var hasRequiredResolveFlowCollection;

function requireResolveFlowCollection () {
	if (hasRequiredResolveFlowCollection) return resolveFlowCollection;
	hasRequiredResolveFlowCollection = 1;

	var identity = requireIdentity();
	var Pair = requirePair();
	var YAMLMap = requireYAMLMap();
	var YAMLSeq = requireYAMLSeq();
	var resolveEnd = requireResolveEnd();
	var resolveProps = requireResolveProps();
	var utilContainsNewline = requireUtilContainsNewline();
	var utilMapIncludes = requireUtilMapIncludes();

	const blockMsg = 'Block collections are not allowed within flow collections';
	const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
	function resolveFlowCollection$1({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
	    const isMap = fc.start.source === '{';
	    const fcName = isMap ? 'flow map' : 'flow sequence';
	    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
	    const coll = new NodeClass(ctx.schema);
	    coll.flow = true;
	    const atRoot = ctx.atRoot;
	    if (atRoot)
	        ctx.atRoot = false;
	    if (ctx.atKey)
	        ctx.atKey = false;
	    let offset = fc.offset + fc.start.source.length;
	    for (let i = 0; i < fc.items.length; ++i) {
	        const collItem = fc.items[i];
	        const { start, key, sep, value } = collItem;
	        const props = resolveProps.resolveProps(start, {
	            flow: fcName,
	            indicator: 'explicit-key-ind',
	            next: key ?? sep?.[0],
	            offset,
	            onError,
	            parentIndent: fc.indent,
	            startOnNewline: false
	        });
	        if (!props.found) {
	            if (!props.anchor && !props.tag && !sep && !value) {
	                if (i === 0 && props.comma)
	                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
	                else if (i < fc.items.length - 1)
	                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
	                if (props.comment) {
	                    if (coll.comment)
	                        coll.comment += '\n' + props.comment;
	                    else
	                        coll.comment = props.comment;
	                }
	                offset = props.end;
	                continue;
	            }
	            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
	                onError(key, // checked by containsNewline()
	                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
	        }
	        if (i === 0) {
	            if (props.comma)
	                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
	        }
	        else {
	            if (!props.comma)
	                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
	            if (props.comment) {
	                let prevItemComment = '';
	                loop: for (const st of start) {
	                    switch (st.type) {
	                        case 'comma':
	                        case 'space':
	                            break;
	                        case 'comment':
	                            prevItemComment = st.source.substring(1);
	                            break loop;
	                        default:
	                            break loop;
	                    }
	                }
	                if (prevItemComment) {
	                    let prev = coll.items[coll.items.length - 1];
	                    if (identity.isPair(prev))
	                        prev = prev.value ?? prev.key;
	                    if (prev.comment)
	                        prev.comment += '\n' + prevItemComment;
	                    else
	                        prev.comment = prevItemComment;
	                    props.comment = props.comment.substring(prevItemComment.length + 1);
	                }
	            }
	        }
	        if (!isMap && !sep && !props.found) {
	            // item is a value in a seq
	            // → key & sep are empty, start does not include ? or :
	            const valueNode = value
	                ? composeNode(ctx, value, props, onError)
	                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
	            coll.items.push(valueNode);
	            offset = valueNode.range[2];
	            if (isBlock(value))
	                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
	        }
	        else {
	            // item is a key+value pair
	            // key value
	            ctx.atKey = true;
	            const keyStart = props.end;
	            const keyNode = key
	                ? composeNode(ctx, key, props, onError)
	                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
	            if (isBlock(key))
	                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
	            ctx.atKey = false;
	            // value properties
	            const valueProps = resolveProps.resolveProps(sep ?? [], {
	                flow: fcName,
	                indicator: 'map-value-ind',
	                next: value,
	                offset: keyNode.range[2],
	                onError,
	                parentIndent: fc.indent,
	                startOnNewline: false
	            });
	            if (valueProps.found) {
	                if (!isMap && !props.found && ctx.options.strict) {
	                    if (sep)
	                        for (const st of sep) {
	                            if (st === valueProps.found)
	                                break;
	                            if (st.type === 'newline') {
	                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
	                                break;
	                            }
	                        }
	                    if (props.start < valueProps.found.offset - 1024)
	                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
	                }
	            }
	            else if (value) {
	                if ('source' in value && value.source?.[0] === ':')
	                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
	                else
	                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
	            }
	            // value value
	            const valueNode = value
	                ? composeNode(ctx, value, valueProps, onError)
	                : valueProps.found
	                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
	                    : null;
	            if (valueNode) {
	                if (isBlock(value))
	                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
	            }
	            else if (valueProps.comment) {
	                if (keyNode.comment)
	                    keyNode.comment += '\n' + valueProps.comment;
	                else
	                    keyNode.comment = valueProps.comment;
	            }
	            const pair = new Pair.Pair(keyNode, valueNode);
	            if (ctx.options.keepSourceTokens)
	                pair.srcToken = collItem;
	            if (isMap) {
	                const map = coll;
	                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
	                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
	                map.items.push(pair);
	            }
	            else {
	                const map = new YAMLMap.YAMLMap(ctx.schema);
	                map.flow = true;
	                map.items.push(pair);
	                const endRange = (valueNode ?? keyNode).range;
	                map.range = [keyNode.range[0], endRange[1], endRange[2]];
	                coll.items.push(map);
	            }
	            offset = valueNode ? valueNode.range[2] : valueProps.end;
	        }
	    }
	    const expectedEnd = isMap ? '}' : ']';
	    const [ce, ...ee] = fc.end;
	    let cePos = offset;
	    if (ce?.source === expectedEnd)
	        cePos = ce.offset + ce.source.length;
	    else {
	        const name = fcName[0].toUpperCase() + fcName.substring(1);
	        const msg = atRoot
	            ? `${name} must end with a ${expectedEnd}`
	            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
	        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
	        if (ce && ce.source.length !== 1)
	            ee.unshift(ce);
	    }
	    if (ee.length > 0) {
	        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
	        if (end.comment) {
	            if (coll.comment)
	                coll.comment += '\n' + end.comment;
	            else
	                coll.comment = end.comment;
	        }
	        coll.range = [fc.offset, cePos, end.offset];
	    }
	    else {
	        coll.range = [fc.offset, cePos, cePos];
	    }
	    return coll;
	}

	resolveFlowCollection.resolveFlowCollection = resolveFlowCollection$1;
	return resolveFlowCollection;
}

var hasRequiredComposeCollection;

function requireComposeCollection () {
	if (hasRequiredComposeCollection) return composeCollection;
	hasRequiredComposeCollection = 1;

	var identity = requireIdentity();
	var Scalar = requireScalar();
	var YAMLMap = requireYAMLMap();
	var YAMLSeq = requireYAMLSeq();
	var resolveBlockMap = requireResolveBlockMap();
	var resolveBlockSeq = requireResolveBlockSeq();
	var resolveFlowCollection = requireResolveFlowCollection();

	function resolveCollection(CN, ctx, token, onError, tagName, tag) {
	    const coll = token.type === 'block-map'
	        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
	        : token.type === 'block-seq'
	            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
	            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
	    const Coll = coll.constructor;
	    // If we got a tagName matching the class, or the tag name is '!',
	    // then use the tagName from the node class used to create it.
	    if (tagName === '!' || tagName === Coll.tagName) {
	        coll.tag = Coll.tagName;
	        return coll;
	    }
	    if (tagName)
	        coll.tag = tagName;
	    return coll;
	}
	function composeCollection$1(CN, ctx, token, props, onError) {
	    const tagToken = props.tag;
	    const tagName = !tagToken
	        ? null
	        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
	    if (token.type === 'block-seq') {
	        const { anchor, newlineAfterProp: nl } = props;
	        const lastProp = anchor && tagToken
	            ? anchor.offset > tagToken.offset
	                ? anchor
	                : tagToken
	            : (anchor ?? tagToken);
	        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
	            const message = 'Missing newline after block sequence props';
	            onError(lastProp, 'MISSING_CHAR', message);
	        }
	    }
	    const expType = token.type === 'block-map'
	        ? 'map'
	        : token.type === 'block-seq'
	            ? 'seq'
	            : token.start.source === '{'
	                ? 'map'
	                : 'seq';
	    // shortcut: check if it's a generic YAMLMap or YAMLSeq
	    // before jumping into the custom tag logic.
	    if (!tagToken ||
	        !tagName ||
	        tagName === '!' ||
	        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
	        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
	        return resolveCollection(CN, ctx, token, onError, tagName);
	    }
	    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
	    if (!tag) {
	        const kt = ctx.schema.knownTags[tagName];
	        if (kt?.collection === expType) {
	            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
	            tag = kt;
	        }
	        else {
	            if (kt) {
	                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
	            }
	            else {
	                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
	            }
	            return resolveCollection(CN, ctx, token, onError, tagName);
	        }
	    }
	    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
	    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
	    const node = identity.isNode(res)
	        ? res
	        : new Scalar.Scalar(res);
	    node.range = coll.range;
	    node.tag = tagName;
	    if (tag?.format)
	        node.format = tag.format;
	    return node;
	}

	composeCollection.composeCollection = composeCollection$1;
	return composeCollection;
}

var composeScalar = {};

var resolveBlockScalar = {};

var hasRequiredResolveBlockScalar;

function requireResolveBlockScalar () {
	if (hasRequiredResolveBlockScalar) return resolveBlockScalar;
	hasRequiredResolveBlockScalar = 1;

	var Scalar = requireScalar();

	function resolveBlockScalar$1(ctx, scalar, onError) {
	    const start = scalar.offset;
	    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
	    if (!header)
	        return { value: '', type: null, comment: '', range: [start, start, start] };
	    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
	    const lines = scalar.source ? splitLines(scalar.source) : [];
	    // determine the end of content & start of chomping
	    let chompStart = lines.length;
	    for (let i = lines.length - 1; i >= 0; --i) {
	        const content = lines[i][1];
	        if (content === '' || content === '\r')
	            chompStart = i;
	        else
	            break;
	    }
	    // shortcut for empty contents
	    if (chompStart === 0) {
	        const value = header.chomp === '+' && lines.length > 0
	            ? '\n'.repeat(Math.max(1, lines.length - 1))
	            : '';
	        let end = start + header.length;
	        if (scalar.source)
	            end += scalar.source.length;
	        return { value, type, comment: header.comment, range: [start, end, end] };
	    }
	    // find the indentation level to trim from start
	    let trimIndent = scalar.indent + header.indent;
	    let offset = scalar.offset + header.length;
	    let contentStart = 0;
	    for (let i = 0; i < chompStart; ++i) {
	        const [indent, content] = lines[i];
	        if (content === '' || content === '\r') {
	            if (header.indent === 0 && indent.length > trimIndent)
	                trimIndent = indent.length;
	        }
	        else {
	            if (indent.length < trimIndent) {
	                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
	                onError(offset + indent.length, 'MISSING_CHAR', message);
	            }
	            if (header.indent === 0)
	                trimIndent = indent.length;
	            contentStart = i;
	            if (trimIndent === 0 && !ctx.atRoot) {
	                const message = 'Block scalar values in collections must be indented';
	                onError(offset, 'BAD_INDENT', message);
	            }
	            break;
	        }
	        offset += indent.length + content.length + 1;
	    }
	    // include trailing more-indented empty lines in content
	    for (let i = lines.length - 1; i >= chompStart; --i) {
	        if (lines[i][0].length > trimIndent)
	            chompStart = i + 1;
	    }
	    let value = '';
	    let sep = '';
	    let prevMoreIndented = false;
	    // leading whitespace is kept intact
	    for (let i = 0; i < contentStart; ++i)
	        value += lines[i][0].slice(trimIndent) + '\n';
	    for (let i = contentStart; i < chompStart; ++i) {
	        let [indent, content] = lines[i];
	        offset += indent.length + content.length + 1;
	        const crlf = content[content.length - 1] === '\r';
	        if (crlf)
	            content = content.slice(0, -1);
	        /* istanbul ignore if already caught in lexer */
	        if (content && indent.length < trimIndent) {
	            const src = header.indent
	                ? 'explicit indentation indicator'
	                : 'first line';
	            const message = `Block scalar lines must not be less indented than their ${src}`;
	            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
	            indent = '';
	        }
	        if (type === Scalar.Scalar.BLOCK_LITERAL) {
	            value += sep + indent.slice(trimIndent) + content;
	            sep = '\n';
	        }
	        else if (indent.length > trimIndent || content[0] === '\t') {
	            // more-indented content within a folded block
	            if (sep === ' ')
	                sep = '\n';
	            else if (!prevMoreIndented && sep === '\n')
	                sep = '\n\n';
	            value += sep + indent.slice(trimIndent) + content;
	            sep = '\n';
	            prevMoreIndented = true;
	        }
	        else if (content === '') {
	            // empty line
	            if (sep === '\n')
	                value += '\n';
	            else
	                sep = '\n';
	        }
	        else {
	            value += sep + content;
	            sep = ' ';
	            prevMoreIndented = false;
	        }
	    }
	    switch (header.chomp) {
	        case '-':
	            break;
	        case '+':
	            for (let i = chompStart; i < lines.length; ++i)
	                value += '\n' + lines[i][0].slice(trimIndent);
	            if (value[value.length - 1] !== '\n')
	                value += '\n';
	            break;
	        default:
	            value += '\n';
	    }
	    const end = start + header.length + scalar.source.length;
	    return { value, type, comment: header.comment, range: [start, end, end] };
	}
	function parseBlockScalarHeader({ offset, props }, strict, onError) {
	    /* istanbul ignore if should not happen */
	    if (props[0].type !== 'block-scalar-header') {
	        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
	        return null;
	    }
	    const { source } = props[0];
	    const mode = source[0];
	    let indent = 0;
	    let chomp = '';
	    let error = -1;
	    for (let i = 1; i < source.length; ++i) {
	        const ch = source[i];
	        if (!chomp && (ch === '-' || ch === '+'))
	            chomp = ch;
	        else {
	            const n = Number(ch);
	            if (!indent && n)
	                indent = n;
	            else if (error === -1)
	                error = offset + i;
	        }
	    }
	    if (error !== -1)
	        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
	    let hasSpace = false;
	    let comment = '';
	    let length = source.length;
	    for (let i = 1; i < props.length; ++i) {
	        const token = props[i];
	        switch (token.type) {
	            case 'space':
	                hasSpace = true;
	            // fallthrough
	            case 'newline':
	                length += token.source.length;
	                break;
	            case 'comment':
	                if (strict && !hasSpace) {
	                    const message = 'Comments must be separated from other tokens by white space characters';
	                    onError(token, 'MISSING_CHAR', message);
	                }
	                length += token.source.length;
	                comment = token.source.substring(1);
	                break;
	            case 'error':
	                onError(token, 'UNEXPECTED_TOKEN', token.message);
	                length += token.source.length;
	                break;
	            /* istanbul ignore next should not happen */
	            default: {
	                const message = `Unexpected token in block scalar header: ${token.type}`;
	                onError(token, 'UNEXPECTED_TOKEN', message);
	                const ts = token.source;
	                if (ts && typeof ts === 'string')
	                    length += ts.length;
	            }
	        }
	    }
	    return { mode, indent, chomp, comment, length };
	}
	/** @returns Array of lines split up as `[indent, content]` */
	function splitLines(source) {
	    const split = source.split(/\n( *)/);
	    const first = split[0];
	    const m = first.match(/^( *)/);
	    const line0 = m?.[1]
	        ? [m[1], first.slice(m[1].length)]
	        : ['', first];
	    const lines = [line0];
	    for (let i = 1; i < split.length; i += 2)
	        lines.push([split[i], split[i + 1]]);
	    return lines;
	}

	resolveBlockScalar.resolveBlockScalar = resolveBlockScalar$1;
	return resolveBlockScalar;
}

var resolveFlowScalar = {};

var hasRequiredResolveFlowScalar;

function requireResolveFlowScalar () {
	if (hasRequiredResolveFlowScalar) return resolveFlowScalar;
	hasRequiredResolveFlowScalar = 1;

	var Scalar = requireScalar();
	var resolveEnd = requireResolveEnd();

	function resolveFlowScalar$1(scalar, strict, onError) {
	    const { offset, type, source, end } = scalar;
	    let _type;
	    let value;
	    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
	    switch (type) {
	        case 'scalar':
	            _type = Scalar.Scalar.PLAIN;
	            value = plainValue(source, _onError);
	            break;
	        case 'single-quoted-scalar':
	            _type = Scalar.Scalar.QUOTE_SINGLE;
	            value = singleQuotedValue(source, _onError);
	            break;
	        case 'double-quoted-scalar':
	            _type = Scalar.Scalar.QUOTE_DOUBLE;
	            value = doubleQuotedValue(source, _onError);
	            break;
	        /* istanbul ignore next should not happen */
	        default:
	            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
	            return {
	                value: '',
	                type: null,
	                comment: '',
	                range: [offset, offset + source.length, offset + source.length]
	            };
	    }
	    const valueEnd = offset + source.length;
	    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
	    return {
	        value,
	        type: _type,
	        comment: re.comment,
	        range: [offset, valueEnd, re.offset]
	    };
	}
	function plainValue(source, onError) {
	    let badChar = '';
	    switch (source[0]) {
	        /* istanbul ignore next should not happen */
	        case '\t':
	            badChar = 'a tab character';
	            break;
	        case ',':
	            badChar = 'flow indicator character ,';
	            break;
	        case '%':
	            badChar = 'directive indicator character %';
	            break;
	        case '|':
	        case '>': {
	            badChar = `block scalar indicator ${source[0]}`;
	            break;
	        }
	        case '@':
	        case '`': {
	            badChar = `reserved character ${source[0]}`;
	            break;
	        }
	    }
	    if (badChar)
	        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
	    return unfoldLines(source);
	}
	function singleQuotedValue(source, onError) {
	    if (source[source.length - 1] !== "'" || source.length === 1)
	        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
	    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
	}
	function unfoldLines(source) {
	    const line = /(.*?)\r?\n/sy;
	    let match = line.exec(source);
	    if (!match)
	        return source;
	    /**
	     * The negative lookbehinds in these RegExps are to
	     * prevent causing a polynomial search time in certain cases.
	     *
	     * The try-catch is for Safari < 16.4 and other old browsers:
	     * https://caniuse.com/js-regexp-lookbehind
	     */
	    let trimEnd, trimBoth;
	    try {
	        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
	        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
	    }
	    catch {
	        trimEnd = /[ \t]+$/;
	        trimBoth = /^[ \t]+|[ \t]+$/g;
	    }
	    let res = match[1].replace(trimEnd, '');
	    let sep = ' ';
	    let pos = line.lastIndex;
	    while ((match = line.exec(source))) {
	        const lm = match[1].replace(trimBoth, '');
	        if (lm === '') {
	            if (sep === '\n')
	                res += sep;
	            else
	                sep = '\n';
	        }
	        else {
	            res += sep + lm;
	            sep = ' ';
	        }
	        pos = line.lastIndex;
	    }
	    const last = /[ \t]*(.*)/sy;
	    last.lastIndex = pos;
	    match = last.exec(source);
	    return res + sep + (match?.[1] ?? '');
	}
	function doubleQuotedValue(source, onError) {
	    let res = '';
	    for (let i = 1; i < source.length - 1; ++i) {
	        const ch = source[i];
	        if (ch === '\r' && source[i + 1] === '\n')
	            continue;
	        if (ch === '\n') {
	            const { fold, offset } = foldNewline(source, i);
	            res += fold;
	            i = offset;
	        }
	        else if (ch === '\\') {
	            let next = source[++i];
	            const cc = escapeCodes[next];
	            if (cc)
	                res += cc;
	            else if (next === '\n') {
	                // skip escaped newlines, but still trim the following line
	                next = source[i + 1];
	                while (next === ' ' || next === '\t')
	                    next = source[++i + 1];
	            }
	            else if (next === '\r' && source[i + 1] === '\n') {
	                // skip escaped CRLF newlines, but still trim the following line
	                next = source[++i + 1];
	                while (next === ' ' || next === '\t')
	                    next = source[++i + 1];
	            }
	            else if (next === 'x' || next === 'u' || next === 'U') {
	                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
	                res += parseCharCode(source, i + 1, length, onError);
	                i += length;
	            }
	            else {
	                const raw = source.substr(i - 1, 2);
	                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
	                res += raw;
	            }
	        }
	        else if (ch === ' ' || ch === '\t') {
	            // trim trailing whitespace
	            const wsStart = i;
	            let next = source[i + 1];
	            while (next === ' ' || next === '\t')
	                next = source[++i + 1];
	            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
	                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
	        }
	        else {
	            res += ch;
	        }
	    }
	    if (source[source.length - 1] !== '"' || source.length === 1)
	        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
	    return res;
	}
	/**
	 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
	 * Presumes `source[offset] === '\n'`
	 */
	function foldNewline(source, offset) {
	    let fold = '';
	    let ch = source[offset + 1];
	    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
	        if (ch === '\r' && source[offset + 2] !== '\n')
	            break;
	        if (ch === '\n')
	            fold += '\n';
	        offset += 1;
	        ch = source[offset + 1];
	    }
	    if (!fold)
	        fold = ' ';
	    return { fold, offset };
	}
	const escapeCodes = {
	    '0': '\0', // null character
	    a: '\x07', // bell character
	    b: '\b', // backspace
	    e: '\x1b', // escape character
	    f: '\f', // form feed
	    n: '\n', // line feed
	    r: '\r', // carriage return
	    t: '\t', // horizontal tab
	    v: '\v', // vertical tab
	    N: '\u0085', // Unicode next line
	    _: '\u00a0', // Unicode non-breaking space
	    L: '\u2028', // Unicode line separator
	    P: '\u2029', // Unicode paragraph separator
	    ' ': ' ',
	    '"': '"',
	    '/': '/',
	    '\\': '\\',
	    '\t': '\t'
	};
	function parseCharCode(source, offset, length, onError) {
	    const cc = source.substr(offset, length);
	    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
	    const code = ok ? parseInt(cc, 16) : NaN;
	    try {
	        return String.fromCodePoint(code);
	    }
	    catch {
	        const raw = source.substr(offset - 2, length + 2);
	        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
	        return raw;
	    }
	}

	resolveFlowScalar.resolveFlowScalar = resolveFlowScalar$1;
	return resolveFlowScalar;
}

var hasRequiredComposeScalar;

function requireComposeScalar () {
	if (hasRequiredComposeScalar) return composeScalar;
	hasRequiredComposeScalar = 1;

	var identity = requireIdentity();
	var Scalar = requireScalar();
	var resolveBlockScalar = requireResolveBlockScalar();
	var resolveFlowScalar = requireResolveFlowScalar();

	function composeScalar$1(ctx, token, tagToken, onError) {
	    const { value, type, comment, range } = token.type === 'block-scalar'
	        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
	        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
	    const tagName = tagToken
	        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
	        : null;
	    let tag;
	    if (ctx.options.stringKeys && ctx.atKey) {
	        tag = ctx.schema[identity.SCALAR];
	    }
	    else if (tagName)
	        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
	    else if (token.type === 'scalar')
	        tag = findScalarTagByTest(ctx, value, token, onError);
	    else
	        tag = ctx.schema[identity.SCALAR];
	    let scalar;
	    try {
	        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
	        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
	    }
	    catch (error) {
	        const msg = error instanceof Error ? error.message : String(error);
	        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
	        scalar = new Scalar.Scalar(value);
	    }
	    scalar.range = range;
	    scalar.source = value;
	    if (type)
	        scalar.type = type;
	    if (tagName)
	        scalar.tag = tagName;
	    if (tag.format)
	        scalar.format = tag.format;
	    if (comment)
	        scalar.comment = comment;
	    return scalar;
	}
	function findScalarTagByName(schema, value, tagName, tagToken, onError) {
	    if (tagName === '!')
	        return schema[identity.SCALAR]; // non-specific tag
	    const matchWithTest = [];
	    for (const tag of schema.tags) {
	        if (!tag.collection && tag.tag === tagName) {
	            if (tag.default && tag.test)
	                matchWithTest.push(tag);
	            else
	                return tag;
	        }
	    }
	    for (const tag of matchWithTest)
	        if (tag.test?.test(value))
	            return tag;
	    const kt = schema.knownTags[tagName];
	    if (kt && !kt.collection) {
	        // Ensure that the known tag is available for stringifying,
	        // but does not get used by default.
	        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
	        return kt;
	    }
	    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
	    return schema[identity.SCALAR];
	}
	function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
	    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
	        tag.test?.test(value)) || schema[identity.SCALAR];
	    if (schema.compat) {
	        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
	            schema[identity.SCALAR];
	        if (tag.tag !== compat.tag) {
	            const ts = directives.tagString(tag.tag);
	            const cs = directives.tagString(compat.tag);
	            const msg = `Value may be parsed as either ${ts} or ${cs}`;
	            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
	        }
	    }
	    return tag;
	}

	composeScalar.composeScalar = composeScalar$1;
	return composeScalar;
}

var utilEmptyScalarPosition = {};

var hasRequiredUtilEmptyScalarPosition;

function requireUtilEmptyScalarPosition () {
	if (hasRequiredUtilEmptyScalarPosition) return utilEmptyScalarPosition;
	hasRequiredUtilEmptyScalarPosition = 1;

	function emptyScalarPosition(offset, before, pos) {
	    if (before) {
	        pos ?? (pos = before.length);
	        for (let i = pos - 1; i >= 0; --i) {
	            let st = before[i];
	            switch (st.type) {
	                case 'space':
	                case 'comment':
	                case 'newline':
	                    offset -= st.source.length;
	                    continue;
	            }
	            // Technically, an empty scalar is immediately after the last non-empty
	            // node, but it's more useful to place it after any whitespace.
	            st = before[++i];
	            while (st?.type === 'space') {
	                offset += st.source.length;
	                st = before[++i];
	            }
	            break;
	        }
	    }
	    return offset;
	}

	utilEmptyScalarPosition.emptyScalarPosition = emptyScalarPosition;
	return utilEmptyScalarPosition;
}

var hasRequiredComposeNode;

function requireComposeNode () {
	if (hasRequiredComposeNode) return composeNode;
	hasRequiredComposeNode = 1;

	var Alias = requireAlias();
	var identity = requireIdentity();
	var composeCollection = requireComposeCollection();
	var composeScalar = requireComposeScalar();
	var resolveEnd = requireResolveEnd();
	var utilEmptyScalarPosition = requireUtilEmptyScalarPosition();

	const CN = { composeNode: composeNode$1, composeEmptyNode };
	function composeNode$1(ctx, token, props, onError) {
	    const atKey = ctx.atKey;
	    const { spaceBefore, comment, anchor, tag } = props;
	    let node;
	    let isSrcToken = true;
	    switch (token.type) {
	        case 'alias':
	            node = composeAlias(ctx, token, onError);
	            if (anchor || tag)
	                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
	            break;
	        case 'scalar':
	        case 'single-quoted-scalar':
	        case 'double-quoted-scalar':
	        case 'block-scalar':
	            node = composeScalar.composeScalar(ctx, token, tag, onError);
	            if (anchor)
	                node.anchor = anchor.source.substring(1);
	            break;
	        case 'block-map':
	        case 'block-seq':
	        case 'flow-collection':
	            try {
	                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
	                if (anchor)
	                    node.anchor = anchor.source.substring(1);
	            }
	            catch (error) {
	                // Almost certainly here due to a stack overflow
	                const message = error instanceof Error ? error.message : String(error);
	                onError(token, 'RESOURCE_EXHAUSTION', message);
	            }
	            break;
	        default: {
	            const message = token.type === 'error'
	                ? token.message
	                : `Unsupported token (type: ${token.type})`;
	            onError(token, 'UNEXPECTED_TOKEN', message);
	            isSrcToken = false;
	        }
	    }
	    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
	    if (anchor && node.anchor === '')
	        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
	    if (atKey &&
	        ctx.options.stringKeys &&
	        (!identity.isScalar(node) ||
	            typeof node.value !== 'string' ||
	            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
	        const msg = 'With stringKeys, all keys must be strings';
	        onError(tag ?? token, 'NON_STRING_KEY', msg);
	    }
	    if (spaceBefore)
	        node.spaceBefore = true;
	    if (comment) {
	        if (token.type === 'scalar' && token.source === '')
	            node.comment = comment;
	        else
	            node.commentBefore = comment;
	    }
	    // @ts-expect-error Type checking misses meaning of isSrcToken
	    if (ctx.options.keepSourceTokens && isSrcToken)
	        node.srcToken = token;
	    return node;
	}
	function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
	    const token = {
	        type: 'scalar',
	        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
	        indent: -1,
	        source: ''
	    };
	    const node = composeScalar.composeScalar(ctx, token, tag, onError);
	    if (anchor) {
	        node.anchor = anchor.source.substring(1);
	        if (node.anchor === '')
	            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
	    }
	    if (spaceBefore)
	        node.spaceBefore = true;
	    if (comment) {
	        node.comment = comment;
	        node.range[2] = end;
	    }
	    return node;
	}
	function composeAlias({ options }, { offset, source, end }, onError) {
	    const alias = new Alias.Alias(source.substring(1));
	    if (alias.source === '')
	        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
	    if (alias.source.endsWith(':'))
	        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
	    const valueEnd = offset + source.length;
	    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
	    alias.range = [offset, valueEnd, re.offset];
	    if (re.comment)
	        alias.comment = re.comment;
	    return alias;
	}

	composeNode.composeEmptyNode = composeEmptyNode;
	composeNode.composeNode = composeNode$1;
	return composeNode;
}

var hasRequiredComposeDoc;

function requireComposeDoc () {
	if (hasRequiredComposeDoc) return composeDoc;
	hasRequiredComposeDoc = 1;

	var Document = requireDocument();
	var composeNode = requireComposeNode();
	var resolveEnd = requireResolveEnd();
	var resolveProps = requireResolveProps();

	function composeDoc$1(options, directives, { offset, start, value, end }, onError) {
	    const opts = Object.assign({ _directives: directives }, options);
	    const doc = new Document.Document(undefined, opts);
	    const ctx = {
	        atKey: false,
	        atRoot: true,
	        directives: doc.directives,
	        options: doc.options,
	        schema: doc.schema
	    };
	    const props = resolveProps.resolveProps(start, {
	        indicator: 'doc-start',
	        next: value ?? end?.[0],
	        offset,
	        onError,
	        parentIndent: 0,
	        startOnNewline: true
	    });
	    if (props.found) {
	        doc.directives.docStart = true;
	        if (value &&
	            (value.type === 'block-map' || value.type === 'block-seq') &&
	            !props.hasNewline)
	            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
	    }
	    // @ts-expect-error If Contents is set, let's trust the user
	    doc.contents = value
	        ? composeNode.composeNode(ctx, value, props, onError)
	        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
	    const contentEnd = doc.contents.range[2];
	    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
	    if (re.comment)
	        doc.comment = re.comment;
	    doc.range = [offset, contentEnd, re.offset];
	    return doc;
	}

	composeDoc.composeDoc = composeDoc$1;
	return composeDoc;
}

var hasRequiredComposer;

function requireComposer () {
	if (hasRequiredComposer) return composer;
	hasRequiredComposer = 1;

	var node_process = require$$0;
	var directives = requireDirectives();
	var Document = requireDocument();
	var errors = requireErrors();
	var identity = requireIdentity();
	var composeDoc = requireComposeDoc();
	var resolveEnd = requireResolveEnd();

	function getErrorPos(src) {
	    if (typeof src === 'number')
	        return [src, src + 1];
	    if (Array.isArray(src))
	        return src.length === 2 ? src : [src[0], src[1]];
	    const { offset, source } = src;
	    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
	}
	function parsePrelude(prelude) {
	    let comment = '';
	    let atComment = false;
	    let afterEmptyLine = false;
	    for (let i = 0; i < prelude.length; ++i) {
	        const source = prelude[i];
	        switch (source[0]) {
	            case '#':
	                comment +=
	                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
	                        (source.substring(1) || ' ');
	                atComment = true;
	                afterEmptyLine = false;
	                break;
	            case '%':
	                if (prelude[i + 1]?.[0] !== '#')
	                    i += 1;
	                atComment = false;
	                break;
	            default:
	                // This may be wrong after doc-end, but in that case it doesn't matter
	                if (!atComment)
	                    afterEmptyLine = true;
	                atComment = false;
	        }
	    }
	    return { comment, afterEmptyLine };
	}
	/**
	 * Compose a stream of CST nodes into a stream of YAML Documents.
	 *
	 * ```ts
	 * import { Composer, Parser } from 'yaml'
	 *
	 * const src: string = ...
	 * const tokens = new Parser().parse(src)
	 * const docs = new Composer().compose(tokens)
	 * ```
	 */
	class Composer {
	    constructor(options = {}) {
	        this.doc = null;
	        this.atDirectives = false;
	        this.prelude = [];
	        this.errors = [];
	        this.warnings = [];
	        this.onError = (source, code, message, warning) => {
	            const pos = getErrorPos(source);
	            if (warning)
	                this.warnings.push(new errors.YAMLWarning(pos, code, message));
	            else
	                this.errors.push(new errors.YAMLParseError(pos, code, message));
	        };
	        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
	        this.directives = new directives.Directives({ version: options.version || '1.2' });
	        this.options = options;
	    }
	    decorate(doc, afterDoc) {
	        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
	        //console.log({ dc: doc.comment, prelude, comment })
	        if (comment) {
	            const dc = doc.contents;
	            if (afterDoc) {
	                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
	            }
	            else if (afterEmptyLine || doc.directives.docStart || !dc) {
	                doc.commentBefore = comment;
	            }
	            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
	                let it = dc.items[0];
	                if (identity.isPair(it))
	                    it = it.key;
	                const cb = it.commentBefore;
	                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
	            }
	            else {
	                const cb = dc.commentBefore;
	                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
	            }
	        }
	        if (afterDoc) {
	            for (let i = 0; i < this.errors.length; ++i)
	                doc.errors.push(this.errors[i]);
	            for (let i = 0; i < this.warnings.length; ++i)
	                doc.warnings.push(this.warnings[i]);
	        }
	        else {
	            doc.errors = this.errors;
	            doc.warnings = this.warnings;
	        }
	        this.prelude = [];
	        this.errors = [];
	        this.warnings = [];
	    }
	    /**
	     * Current stream status information.
	     *
	     * Mostly useful at the end of input for an empty stream.
	     */
	    streamInfo() {
	        return {
	            comment: parsePrelude(this.prelude).comment,
	            directives: this.directives,
	            errors: this.errors,
	            warnings: this.warnings
	        };
	    }
	    /**
	     * Compose tokens into documents.
	     *
	     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
	     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
	     */
	    *compose(tokens, forceDoc = false, endOffset = -1) {
	        for (const token of tokens)
	            yield* this.next(token);
	        yield* this.end(forceDoc, endOffset);
	    }
	    /** Advance the composer by one CST token. */
	    *next(token) {
	        if (node_process.env.LOG_STREAM)
	            console.dir(token, { depth: null });
	        switch (token.type) {
	            case 'directive':
	                this.directives.add(token.source, (offset, message, warning) => {
	                    const pos = getErrorPos(token);
	                    pos[0] += offset;
	                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
	                });
	                this.prelude.push(token.source);
	                this.atDirectives = true;
	                break;
	            case 'document': {
	                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
	                if (this.atDirectives && !doc.directives.docStart)
	                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
	                this.decorate(doc, false);
	                if (this.doc)
	                    yield this.doc;
	                this.doc = doc;
	                this.atDirectives = false;
	                break;
	            }
	            case 'byte-order-mark':
	            case 'space':
	                break;
	            case 'comment':
	            case 'newline':
	                this.prelude.push(token.source);
	                break;
	            case 'error': {
	                const msg = token.source
	                    ? `${token.message}: ${JSON.stringify(token.source)}`
	                    : token.message;
	                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
	                if (this.atDirectives || !this.doc)
	                    this.errors.push(error);
	                else
	                    this.doc.errors.push(error);
	                break;
	            }
	            case 'doc-end': {
	                if (!this.doc) {
	                    const msg = 'Unexpected doc-end without preceding document';
	                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
	                    break;
	                }
	                this.doc.directives.docEnd = true;
	                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
	                this.decorate(this.doc, true);
	                if (end.comment) {
	                    const dc = this.doc.comment;
	                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
	                }
	                this.doc.range[2] = end.offset;
	                break;
	            }
	            default:
	                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
	        }
	    }
	    /**
	     * Call at end of input to yield any remaining document.
	     *
	     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
	     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
	     */
	    *end(forceDoc = false, endOffset = -1) {
	        if (this.doc) {
	            this.decorate(this.doc, true);
	            yield this.doc;
	            this.doc = null;
	        }
	        else if (forceDoc) {
	            const opts = Object.assign({ _directives: this.directives }, this.options);
	            const doc = new Document.Document(undefined, opts);
	            if (this.atDirectives)
	                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
	            doc.range = [0, endOffset, endOffset];
	            this.decorate(doc, false);
	            yield doc;
	        }
	    }
	}

	composer.Composer = Composer;
	return composer;
}

var cst = {};

var cstScalar = {};

var hasRequiredCstScalar;

function requireCstScalar () {
	if (hasRequiredCstScalar) return cstScalar;
	hasRequiredCstScalar = 1;

	var resolveBlockScalar = requireResolveBlockScalar();
	var resolveFlowScalar = requireResolveFlowScalar();
	var errors = requireErrors();
	var stringifyString = requireStringifyString();

	function resolveAsScalar(token, strict = true, onError) {
	    if (token) {
	        const _onError = (pos, code, message) => {
	            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
	            if (onError)
	                onError(offset, code, message);
	            else
	                throw new errors.YAMLParseError([offset, offset + 1], code, message);
	        };
	        switch (token.type) {
	            case 'scalar':
	            case 'single-quoted-scalar':
	            case 'double-quoted-scalar':
	                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
	            case 'block-scalar':
	                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
	        }
	    }
	    return null;
	}
	/**
	 * Create a new scalar token with `value`
	 *
	 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
	 * as this function does not support any schema operations and won't check for such conflicts.
	 *
	 * @param value The string representation of the value, which will have its content properly indented.
	 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
	 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
	 * @param context.indent The indent level of the token.
	 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
	 * @param context.offset The offset position of the token.
	 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
	 */
	function createScalarToken(value, context) {
	    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
	    const source = stringifyString.stringifyString({ type, value }, {
	        implicitKey,
	        indent: indent > 0 ? ' '.repeat(indent) : '',
	        inFlow,
	        options: { blockQuote: true, lineWidth: -1 }
	    });
	    const end = context.end ?? [
	        { type: 'newline', offset: -1, indent, source: '\n' }
	    ];
	    switch (source[0]) {
	        case '|':
	        case '>': {
	            const he = source.indexOf('\n');
	            const head = source.substring(0, he);
	            const body = source.substring(he + 1) + '\n';
	            const props = [
	                { type: 'block-scalar-header', offset, indent, source: head }
	            ];
	            if (!addEndtoBlockProps(props, end))
	                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
	            return { type: 'block-scalar', offset, indent, props, source: body };
	        }
	        case '"':
	            return { type: 'double-quoted-scalar', offset, indent, source, end };
	        case "'":
	            return { type: 'single-quoted-scalar', offset, indent, source, end };
	        default:
	            return { type: 'scalar', offset, indent, source, end };
	    }
	}
	/**
	 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
	 *
	 * Best efforts are made to retain any comments previously associated with the `token`,
	 * though all contents within a collection's `items` will be overwritten.
	 *
	 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
	 * as this function does not support any schema operations and won't check for such conflicts.
	 *
	 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
	 * @param value The string representation of the value, which will have its content properly indented.
	 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
	 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
	 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
	 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
	 */
	function setScalarValue(token, value, context = {}) {
	    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
	    let indent = 'indent' in token ? token.indent : null;
	    if (afterKey && typeof indent === 'number')
	        indent += 2;
	    if (!type)
	        switch (token.type) {
	            case 'single-quoted-scalar':
	                type = 'QUOTE_SINGLE';
	                break;
	            case 'double-quoted-scalar':
	                type = 'QUOTE_DOUBLE';
	                break;
	            case 'block-scalar': {
	                const header = token.props[0];
	                if (header.type !== 'block-scalar-header')
	                    throw new Error('Invalid block scalar header');
	                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
	                break;
	            }
	            default:
	                type = 'PLAIN';
	        }
	    const source = stringifyString.stringifyString({ type, value }, {
	        implicitKey: implicitKey || indent === null,
	        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
	        inFlow,
	        options: { blockQuote: true, lineWidth: -1 }
	    });
	    switch (source[0]) {
	        case '|':
	        case '>':
	            setBlockScalarValue(token, source);
	            break;
	        case '"':
	            setFlowScalarValue(token, source, 'double-quoted-scalar');
	            break;
	        case "'":
	            setFlowScalarValue(token, source, 'single-quoted-scalar');
	            break;
	        default:
	            setFlowScalarValue(token, source, 'scalar');
	    }
	}
	function setBlockScalarValue(token, source) {
	    const he = source.indexOf('\n');
	    const head = source.substring(0, he);
	    const body = source.substring(he + 1) + '\n';
	    if (token.type === 'block-scalar') {
	        const header = token.props[0];
	        if (header.type !== 'block-scalar-header')
	            throw new Error('Invalid block scalar header');
	        header.source = head;
	        token.source = body;
	    }
	    else {
	        const { offset } = token;
	        const indent = 'indent' in token ? token.indent : -1;
	        const props = [
	            { type: 'block-scalar-header', offset, indent, source: head }
	        ];
	        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
	            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
	        for (const key of Object.keys(token))
	            if (key !== 'type' && key !== 'offset')
	                delete token[key];
	        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
	    }
	}
	/** @returns `true` if last token is a newline */
	function addEndtoBlockProps(props, end) {
	    if (end)
	        for (const st of end)
	            switch (st.type) {
	                case 'space':
	                case 'comment':
	                    props.push(st);
	                    break;
	                case 'newline':
	                    props.push(st);
	                    return true;
	            }
	    return false;
	}
	function setFlowScalarValue(token, source, type) {
	    switch (token.type) {
	        case 'scalar':
	        case 'double-quoted-scalar':
	        case 'single-quoted-scalar':
	            token.type = type;
	            token.source = source;
	            break;
	        case 'block-scalar': {
	            const end = token.props.slice(1);
	            let oa = source.length;
	            if (token.props[0].type === 'block-scalar-header')
	                oa -= token.props[0].source.length;
	            for (const tok of end)
	                tok.offset += oa;
	            delete token.props;
	            Object.assign(token, { type, source, end });
	            break;
	        }
	        case 'block-map':
	        case 'block-seq': {
	            const offset = token.offset + source.length;
	            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
	            delete token.items;
	            Object.assign(token, { type, source, end: [nl] });
	            break;
	        }
	        default: {
	            const indent = 'indent' in token ? token.indent : -1;
	            const end = 'end' in token && Array.isArray(token.end)
	                ? token.end.filter(st => st.type === 'space' ||
	                    st.type === 'comment' ||
	                    st.type === 'newline')
	                : [];
	            for (const key of Object.keys(token))
	                if (key !== 'type' && key !== 'offset')
	                    delete token[key];
	            Object.assign(token, { type, indent, source, end });
	        }
	    }
	}

	cstScalar.createScalarToken = createScalarToken;
	cstScalar.resolveAsScalar = resolveAsScalar;
	cstScalar.setScalarValue = setScalarValue;
	return cstScalar;
}

var cstStringify = {};

var hasRequiredCstStringify;

function requireCstStringify () {
	if (hasRequiredCstStringify) return cstStringify;
	hasRequiredCstStringify = 1;

	/**
	 * Stringify a CST document, token, or collection item
	 *
	 * Fair warning: This applies no validation whatsoever, and
	 * simply concatenates the sources in their logical order.
	 */
	const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
	function stringifyToken(token) {
	    switch (token.type) {
	        case 'block-scalar': {
	            let res = '';
	            for (const tok of token.props)
	                res += stringifyToken(tok);
	            return res + token.source;
	        }
	        case 'block-map':
	        case 'block-seq': {
	            let res = '';
	            for (const item of token.items)
	                res += stringifyItem(item);
	            return res;
	        }
	        case 'flow-collection': {
	            let res = token.start.source;
	            for (const item of token.items)
	                res += stringifyItem(item);
	            for (const st of token.end)
	                res += st.source;
	            return res;
	        }
	        case 'document': {
	            let res = stringifyItem(token);
	            if (token.end)
	                for (const st of token.end)
	                    res += st.source;
	            return res;
	        }
	        default: {
	            let res = token.source;
	            if ('end' in token && token.end)
	                for (const st of token.end)
	                    res += st.source;
	            return res;
	        }
	    }
	}
	function stringifyItem({ start, key, sep, value }) {
	    let res = '';
	    for (const st of start)
	        res += st.source;
	    if (key)
	        res += stringifyToken(key);
	    if (sep)
	        for (const st of sep)
	            res += st.source;
	    if (value)
	        res += stringifyToken(value);
	    return res;
	}

	cstStringify.stringify = stringify;
	return cstStringify;
}

var cstVisit = {};

var hasRequiredCstVisit;

function requireCstVisit () {
	if (hasRequiredCstVisit) return cstVisit;
	hasRequiredCstVisit = 1;

	const BREAK = Symbol('break visit');
	const SKIP = Symbol('skip children');
	const REMOVE = Symbol('remove item');
	/**
	 * Apply a visitor to a CST document or item.
	 *
	 * Walks through the tree (depth-first) starting from the root, calling a
	 * `visitor` function with two arguments when entering each item:
	 *   - `item`: The current item, which included the following members:
	 *     - `start: SourceToken[]` – Source tokens before the key or value,
	 *       possibly including its anchor or tag.
	 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
	 *       the key before the `:` separator is empty.
	 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
	 *       which should include the `:` map value indicator if `value` is set.
	 *     - `value?: Token` – The value of a sequence item, or of a map pair.
	 *   - `path`: The steps from the root to the current node, as an array of
	 *     `['key' | 'value', number]` tuples.
	 *
	 * The return value of the visitor may be used to control the traversal:
	 *   - `undefined` (default): Do nothing and continue
	 *   - `visit.SKIP`: Do not visit the children of this token, continue with
	 *      next sibling
	 *   - `visit.BREAK`: Terminate traversal completely
	 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
	 *   - `number`: Set the index of the next step. This is useful especially if
	 *     the index of the current token has changed.
	 *   - `function`: Define the next visitor for this item. After the original
	 *     visitor is called on item entry, next visitors are called after handling
	 *     a non-empty `key` and when exiting the item.
	 */
	function visit(cst, visitor) {
	    if ('type' in cst && cst.type === 'document')
	        cst = { start: cst.start, value: cst.value };
	    _visit(Object.freeze([]), cst, visitor);
	}
	// Without the `as symbol` casts, TS declares these in the `visit`
	// namespace using `var`, but then complains about that because
	// `unique symbol` must be `const`.
	/** Terminate visit traversal completely */
	visit.BREAK = BREAK;
	/** Do not visit the children of the current item */
	visit.SKIP = SKIP;
	/** Remove the current item */
	visit.REMOVE = REMOVE;
	/** Find the item at `path` from `cst` as the root */
	visit.itemAtPath = (cst, path) => {
	    let item = cst;
	    for (const [field, index] of path) {
	        const tok = item?.[field];
	        if (tok && 'items' in tok) {
	            item = tok.items[index];
	        }
	        else
	            return undefined;
	    }
	    return item;
	};
	/**
	 * Get the immediate parent collection of the item at `path` from `cst` as the root.
	 *
	 * Throws an error if the collection is not found, which should never happen if the item itself exists.
	 */
	visit.parentCollection = (cst, path) => {
	    const parent = visit.itemAtPath(cst, path.slice(0, -1));
	    const field = path[path.length - 1][0];
	    const coll = parent?.[field];
	    if (coll && 'items' in coll)
	        return coll;
	    throw new Error('Parent collection not found');
	};
	function _visit(path, item, visitor) {
	    let ctrl = visitor(item, path);
	    if (typeof ctrl === 'symbol')
	        return ctrl;
	    for (const field of ['key', 'value']) {
	        const token = item[field];
	        if (token && 'items' in token) {
	            for (let i = 0; i < token.items.length; ++i) {
	                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
	                if (typeof ci === 'number')
	                    i = ci - 1;
	                else if (ci === BREAK)
	                    return BREAK;
	                else if (ci === REMOVE) {
	                    token.items.splice(i, 1);
	                    i -= 1;
	                }
	            }
	            if (typeof ctrl === 'function' && field === 'key')
	                ctrl = ctrl(item, path);
	        }
	    }
	    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
	}

	cstVisit.visit = visit;
	return cstVisit;
}

var hasRequiredCst;

function requireCst () {
	if (hasRequiredCst) return cst;
	hasRequiredCst = 1;

	var cstScalar = requireCstScalar();
	var cstStringify = requireCstStringify();
	var cstVisit = requireCstVisit();

	/** The byte order mark */
	const BOM = '\u{FEFF}';
	/** Start of doc-mode */
	const DOCUMENT = '\x02'; // C0: Start of Text
	/** Unexpected end of flow-mode */
	const FLOW_END = '\x18'; // C0: Cancel
	/** Next token is a scalar value */
	const SCALAR = '\x1f'; // C0: Unit Separator
	/** @returns `true` if `token` is a flow or block collection */
	const isCollection = (token) => !!token && 'items' in token;
	/** @returns `true` if `token` is a flow or block scalar; not an alias */
	const isScalar = (token) => !!token &&
	    (token.type === 'scalar' ||
	        token.type === 'single-quoted-scalar' ||
	        token.type === 'double-quoted-scalar' ||
	        token.type === 'block-scalar');
	/* istanbul ignore next */
	/** Get a printable representation of a lexer token */
	function prettyToken(token) {
	    switch (token) {
	        case BOM:
	            return '<BOM>';
	        case DOCUMENT:
	            return '<DOC>';
	        case FLOW_END:
	            return '<FLOW_END>';
	        case SCALAR:
	            return '<SCALAR>';
	        default:
	            return JSON.stringify(token);
	    }
	}
	/** Identify the type of a lexer token. May return `null` for unknown tokens. */
	function tokenType(source) {
	    switch (source) {
	        case BOM:
	            return 'byte-order-mark';
	        case DOCUMENT:
	            return 'doc-mode';
	        case FLOW_END:
	            return 'flow-error-end';
	        case SCALAR:
	            return 'scalar';
	        case '---':
	            return 'doc-start';
	        case '...':
	            return 'doc-end';
	        case '':
	        case '\n':
	        case '\r\n':
	            return 'newline';
	        case '-':
	            return 'seq-item-ind';
	        case '?':
	            return 'explicit-key-ind';
	        case ':':
	            return 'map-value-ind';
	        case '{':
	            return 'flow-map-start';
	        case '}':
	            return 'flow-map-end';
	        case '[':
	            return 'flow-seq-start';
	        case ']':
	            return 'flow-seq-end';
	        case ',':
	            return 'comma';
	    }
	    switch (source[0]) {
	        case ' ':
	        case '\t':
	            return 'space';
	        case '#':
	            return 'comment';
	        case '%':
	            return 'directive-line';
	        case '*':
	            return 'alias';
	        case '&':
	            return 'anchor';
	        case '!':
	            return 'tag';
	        case "'":
	            return 'single-quoted-scalar';
	        case '"':
	            return 'double-quoted-scalar';
	        case '|':
	        case '>':
	            return 'block-scalar-header';
	    }
	    return null;
	}

	cst.createScalarToken = cstScalar.createScalarToken;
	cst.resolveAsScalar = cstScalar.resolveAsScalar;
	cst.setScalarValue = cstScalar.setScalarValue;
	cst.stringify = cstStringify.stringify;
	cst.visit = cstVisit.visit;
	cst.BOM = BOM;
	cst.DOCUMENT = DOCUMENT;
	cst.FLOW_END = FLOW_END;
	cst.SCALAR = SCALAR;
	cst.isCollection = isCollection;
	cst.isScalar = isScalar;
	cst.prettyToken = prettyToken;
	cst.tokenType = tokenType;
	return cst;
}

var lexer = {};

var hasRequiredLexer;

function requireLexer () {
	if (hasRequiredLexer) return lexer;
	hasRequiredLexer = 1;

	var cst = requireCst();

	/*
	START -> stream

	stream
	  directive -> line-end -> stream
	  indent + line-end -> stream
	  [else] -> line-start

	line-end
	  comment -> line-end
	  newline -> .
	  input-end -> END

	line-start
	  doc-start -> doc
	  doc-end -> stream
	  [else] -> indent -> block-start

	block-start
	  seq-item-start -> block-start
	  explicit-key-start -> block-start
	  map-value-start -> block-start
	  [else] -> doc

	doc
	  line-end -> line-start
	  spaces -> doc
	  anchor -> doc
	  tag -> doc
	  flow-start -> flow -> doc
	  flow-end -> error -> doc
	  seq-item-start -> error -> doc
	  explicit-key-start -> error -> doc
	  map-value-start -> doc
	  alias -> doc
	  quote-start -> quoted-scalar -> doc
	  block-scalar-header -> line-end -> block-scalar(min) -> line-start
	  [else] -> plain-scalar(false, min) -> doc

	flow
	  line-end -> flow
	  spaces -> flow
	  anchor -> flow
	  tag -> flow
	  flow-start -> flow -> flow
	  flow-end -> .
	  seq-item-start -> error -> flow
	  explicit-key-start -> flow
	  map-value-start -> flow
	  alias -> flow
	  quote-start -> quoted-scalar -> flow
	  comma -> flow
	  [else] -> plain-scalar(true, 0) -> flow

	quoted-scalar
	  quote-end -> .
	  [else] -> quoted-scalar

	block-scalar(min)
	  newline + peek(indent < min) -> .
	  [else] -> block-scalar(min)

	plain-scalar(is-flow, min)
	  scalar-end(is-flow) -> .
	  peek(newline + (indent < min)) -> .
	  [else] -> plain-scalar(min)
	*/
	function isEmpty(ch) {
	    switch (ch) {
	        case undefined:
	        case ' ':
	        case '\n':
	        case '\r':
	        case '\t':
	            return true;
	        default:
	            return false;
	    }
	}
	const hexDigits = new Set('0123456789ABCDEFabcdef');
	const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
	const flowIndicatorChars = new Set(',[]{}');
	const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
	const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
	/**
	 * Splits an input string into lexical tokens, i.e. smaller strings that are
	 * easily identifiable by `tokens.tokenType()`.
	 *
	 * Lexing starts always in a "stream" context. Incomplete input may be buffered
	 * until a complete token can be emitted.
	 *
	 * In addition to slices of the original input, the following control characters
	 * may also be emitted:
	 *
	 * - `\x02` (Start of Text): A document starts with the next token
	 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
	 * - `\x1f` (Unit Separator): Next token is a scalar value
	 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
	 */
	class Lexer {
	    constructor() {
	        /**
	         * Flag indicating whether the end of the current buffer marks the end of
	         * all input
	         */
	        this.atEnd = false;
	        /**
	         * Explicit indent set in block scalar header, as an offset from the current
	         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
	         * explicitly set.
	         */
	        this.blockScalarIndent = -1;
	        /**
	         * Block scalars that include a + (keep) chomping indicator in their header
	         * include trailing empty lines, which are otherwise excluded from the
	         * scalar's contents.
	         */
	        this.blockScalarKeep = false;
	        /** Current input */
	        this.buffer = '';
	        /**
	         * Flag noting whether the map value indicator : can immediately follow this
	         * node within a flow context.
	         */
	        this.flowKey = false;
	        /** Count of surrounding flow collection levels. */
	        this.flowLevel = 0;
	        /**
	         * Minimum level of indentation required for next lines to be parsed as a
	         * part of the current scalar value.
	         */
	        this.indentNext = 0;
	        /** Indentation level of the current line. */
	        this.indentValue = 0;
	        /** Position of the next \n character. */
	        this.lineEndPos = null;
	        /** Stores the state of the lexer if reaching the end of incpomplete input */
	        this.next = null;
	        /** A pointer to `buffer`; the current position of the lexer. */
	        this.pos = 0;
	    }
	    /**
	     * Generate YAML tokens from the `source` string. If `incomplete`,
	     * a part of the last line may be left as a buffer for the next call.
	     *
	     * @returns A generator of lexical tokens
	     */
	    *lex(source, incomplete = false) {
	        if (source) {
	            if (typeof source !== 'string')
	                throw TypeError('source is not a string');
	            this.buffer = this.buffer ? this.buffer + source : source;
	            this.lineEndPos = null;
	        }
	        this.atEnd = !incomplete;
	        let next = this.next ?? 'stream';
	        while (next && (incomplete || this.hasChars(1)))
	            next = yield* this.parseNext(next);
	    }
	    atLineEnd() {
	        let i = this.pos;
	        let ch = this.buffer[i];
	        while (ch === ' ' || ch === '\t')
	            ch = this.buffer[++i];
	        if (!ch || ch === '#' || ch === '\n')
	            return true;
	        if (ch === '\r')
	            return this.buffer[i + 1] === '\n';
	        return false;
	    }
	    charAt(n) {
	        return this.buffer[this.pos + n];
	    }
	    continueScalar(offset) {
	        let ch = this.buffer[offset];
	        if (this.indentNext > 0) {
	            let indent = 0;
	            while (ch === ' ')
	                ch = this.buffer[++indent + offset];
	            if (ch === '\r') {
	                const next = this.buffer[indent + offset + 1];
	                if (next === '\n' || (!next && !this.atEnd))
	                    return offset + indent + 1;
	            }
	            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
	                ? offset + indent
	                : -1;
	        }
	        if (ch === '-' || ch === '.') {
	            const dt = this.buffer.substr(offset, 3);
	            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
	                return -1;
	        }
	        return offset;
	    }
	    getLine() {
	        let end = this.lineEndPos;
	        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
	            end = this.buffer.indexOf('\n', this.pos);
	            this.lineEndPos = end;
	        }
	        if (end === -1)
	            return this.atEnd ? this.buffer.substring(this.pos) : null;
	        if (this.buffer[end - 1] === '\r')
	            end -= 1;
	        return this.buffer.substring(this.pos, end);
	    }
	    hasChars(n) {
	        return this.pos + n <= this.buffer.length;
	    }
	    setNext(state) {
	        this.buffer = this.buffer.substring(this.pos);
	        this.pos = 0;
	        this.lineEndPos = null;
	        this.next = state;
	        return null;
	    }
	    peek(n) {
	        return this.buffer.substr(this.pos, n);
	    }
	    *parseNext(next) {
	        switch (next) {
	            case 'stream':
	                return yield* this.parseStream();
	            case 'line-start':
	                return yield* this.parseLineStart();
	            case 'block-start':
	                return yield* this.parseBlockStart();
	            case 'doc':
	                return yield* this.parseDocument();
	            case 'flow':
	                return yield* this.parseFlowCollection();
	            case 'quoted-scalar':
	                return yield* this.parseQuotedScalar();
	            case 'block-scalar':
	                return yield* this.parseBlockScalar();
	            case 'plain-scalar':
	                return yield* this.parsePlainScalar();
	        }
	    }
	    *parseStream() {
	        let line = this.getLine();
	        if (line === null)
	            return this.setNext('stream');
	        if (line[0] === cst.BOM) {
	            yield* this.pushCount(1);
	            line = line.substring(1);
	        }
	        if (line[0] === '%') {
	            let dirEnd = line.length;
	            let cs = line.indexOf('#');
	            while (cs !== -1) {
	                const ch = line[cs - 1];
	                if (ch === ' ' || ch === '\t') {
	                    dirEnd = cs - 1;
	                    break;
	                }
	                else {
	                    cs = line.indexOf('#', cs + 1);
	                }
	            }
	            while (true) {
	                const ch = line[dirEnd - 1];
	                if (ch === ' ' || ch === '\t')
	                    dirEnd -= 1;
	                else
	                    break;
	            }
	            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
	            yield* this.pushCount(line.length - n); // possible comment
	            this.pushNewline();
	            return 'stream';
	        }
	        if (this.atLineEnd()) {
	            const sp = yield* this.pushSpaces(true);
	            yield* this.pushCount(line.length - sp);
	            yield* this.pushNewline();
	            return 'stream';
	        }
	        yield cst.DOCUMENT;
	        return yield* this.parseLineStart();
	    }
	    *parseLineStart() {
	        const ch = this.charAt(0);
	        if (!ch && !this.atEnd)
	            return this.setNext('line-start');
	        if (ch === '-' || ch === '.') {
	            if (!this.atEnd && !this.hasChars(4))
	                return this.setNext('line-start');
	            const s = this.peek(3);
	            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
	                yield* this.pushCount(3);
	                this.indentValue = 0;
	                this.indentNext = 0;
	                return s === '---' ? 'doc' : 'stream';
	            }
	        }
	        this.indentValue = yield* this.pushSpaces(false);
	        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
	            this.indentNext = this.indentValue;
	        return yield* this.parseBlockStart();
	    }
	    *parseBlockStart() {
	        const [ch0, ch1] = this.peek(2);
	        if (!ch1 && !this.atEnd)
	            return this.setNext('block-start');
	        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
	            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
	            this.indentNext = this.indentValue + 1;
	            this.indentValue += n;
	            return 'block-start';
	        }
	        return 'doc';
	    }
	    *parseDocument() {
	        yield* this.pushSpaces(true);
	        const line = this.getLine();
	        if (line === null)
	            return this.setNext('doc');
	        let n = yield* this.pushIndicators();
	        switch (line[n]) {
	            case '#':
	                yield* this.pushCount(line.length - n);
	            // fallthrough
	            case undefined:
	                yield* this.pushNewline();
	                return yield* this.parseLineStart();
	            case '{':
	            case '[':
	                yield* this.pushCount(1);
	                this.flowKey = false;
	                this.flowLevel = 1;
	                return 'flow';
	            case '}':
	            case ']':
	                // this is an error
	                yield* this.pushCount(1);
	                return 'doc';
	            case '*':
	                yield* this.pushUntil(isNotAnchorChar);
	                return 'doc';
	            case '"':
	            case "'":
	                return yield* this.parseQuotedScalar();
	            case '|':
	            case '>':
	                n += yield* this.parseBlockScalarHeader();
	                n += yield* this.pushSpaces(true);
	                yield* this.pushCount(line.length - n);
	                yield* this.pushNewline();
	                return yield* this.parseBlockScalar();
	            default:
	                return yield* this.parsePlainScalar();
	        }
	    }
	    *parseFlowCollection() {
	        let nl, sp;
	        let indent = -1;
	        do {
	            nl = yield* this.pushNewline();
	            if (nl > 0) {
	                sp = yield* this.pushSpaces(false);
	                this.indentValue = indent = sp;
	            }
	            else {
	                sp = 0;
	            }
	            sp += yield* this.pushSpaces(true);
	        } while (nl + sp > 0);
	        const line = this.getLine();
	        if (line === null)
	            return this.setNext('flow');
	        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
	            (indent === 0 &&
	                (line.startsWith('---') || line.startsWith('...')) &&
	                isEmpty(line[3]))) {
	            // Allowing for the terminal ] or } at the same (rather than greater)
	            // indent level as the initial [ or { is technically invalid, but
	            // failing here would be surprising to users.
	            const atFlowEndMarker = indent === this.indentNext - 1 &&
	                this.flowLevel === 1 &&
	                (line[0] === ']' || line[0] === '}');
	            if (!atFlowEndMarker) {
	                // this is an error
	                this.flowLevel = 0;
	                yield cst.FLOW_END;
	                return yield* this.parseLineStart();
	            }
	        }
	        let n = 0;
	        while (line[n] === ',') {
	            n += yield* this.pushCount(1);
	            n += yield* this.pushSpaces(true);
	            this.flowKey = false;
	        }
	        n += yield* this.pushIndicators();
	        switch (line[n]) {
	            case undefined:
	                return 'flow';
	            case '#':
	                yield* this.pushCount(line.length - n);
	                return 'flow';
	            case '{':
	            case '[':
	                yield* this.pushCount(1);
	                this.flowKey = false;
	                this.flowLevel += 1;
	                return 'flow';
	            case '}':
	            case ']':
	                yield* this.pushCount(1);
	                this.flowKey = true;
	                this.flowLevel -= 1;
	                return this.flowLevel ? 'flow' : 'doc';
	            case '*':
	                yield* this.pushUntil(isNotAnchorChar);
	                return 'flow';
	            case '"':
	            case "'":
	                this.flowKey = true;
	                return yield* this.parseQuotedScalar();
	            case ':': {
	                const next = this.charAt(1);
	                if (this.flowKey || isEmpty(next) || next === ',') {
	                    this.flowKey = false;
	                    yield* this.pushCount(1);
	                    yield* this.pushSpaces(true);
	                    return 'flow';
	                }
	            }
	            // fallthrough
	            default:
	                this.flowKey = false;
	                return yield* this.parsePlainScalar();
	        }
	    }
	    *parseQuotedScalar() {
	        const quote = this.charAt(0);
	        let end = this.buffer.indexOf(quote, this.pos + 1);
	        if (quote === "'") {
	            while (end !== -1 && this.buffer[end + 1] === "'")
	                end = this.buffer.indexOf("'", end + 2);
	        }
	        else {
	            // double-quote
	            while (end !== -1) {
	                let n = 0;
	                while (this.buffer[end - 1 - n] === '\\')
	                    n += 1;
	                if (n % 2 === 0)
	                    break;
	                end = this.buffer.indexOf('"', end + 1);
	            }
	        }
	        // Only looking for newlines within the quotes
	        const qb = this.buffer.substring(0, end);
	        let nl = qb.indexOf('\n', this.pos);
	        if (nl !== -1) {
	            while (nl !== -1) {
	                const cs = this.continueScalar(nl + 1);
	                if (cs === -1)
	                    break;
	                nl = qb.indexOf('\n', cs);
	            }
	            if (nl !== -1) {
	                // this is an error caused by an unexpected unindent
	                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
	            }
	        }
	        if (end === -1) {
	            if (!this.atEnd)
	                return this.setNext('quoted-scalar');
	            end = this.buffer.length;
	        }
	        yield* this.pushToIndex(end + 1, false);
	        return this.flowLevel ? 'flow' : 'doc';
	    }
	    *parseBlockScalarHeader() {
	        this.blockScalarIndent = -1;
	        this.blockScalarKeep = false;
	        let i = this.pos;
	        while (true) {
	            const ch = this.buffer[++i];
	            if (ch === '+')
	                this.blockScalarKeep = true;
	            else if (ch > '0' && ch <= '9')
	                this.blockScalarIndent = Number(ch) - 1;
	            else if (ch !== '-')
	                break;
	        }
	        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
	    }
	    *parseBlockScalar() {
	        let nl = this.pos - 1; // may be -1 if this.pos === 0
	        let indent = 0;
	        let ch;
	        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
	            switch (ch) {
	                case ' ':
	                    indent += 1;
	                    break;
	                case '\n':
	                    nl = i;
	                    indent = 0;
	                    break;
	                case '\r': {
	                    const next = this.buffer[i + 1];
	                    if (!next && !this.atEnd)
	                        return this.setNext('block-scalar');
	                    if (next === '\n')
	                        break;
	                } // fallthrough
	                default:
	                    break loop;
	            }
	        }
	        if (!ch && !this.atEnd)
	            return this.setNext('block-scalar');
	        if (indent >= this.indentNext) {
	            if (this.blockScalarIndent === -1)
	                this.indentNext = indent;
	            else {
	                this.indentNext =
	                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
	            }
	            do {
	                const cs = this.continueScalar(nl + 1);
	                if (cs === -1)
	                    break;
	                nl = this.buffer.indexOf('\n', cs);
	            } while (nl !== -1);
	            if (nl === -1) {
	                if (!this.atEnd)
	                    return this.setNext('block-scalar');
	                nl = this.buffer.length;
	            }
	        }
	        // Trailing insufficiently indented tabs are invalid.
	        // To catch that during parsing, we include them in the block scalar value.
	        let i = nl + 1;
	        ch = this.buffer[i];
	        while (ch === ' ')
	            ch = this.buffer[++i];
	        if (ch === '\t') {
	            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
	                ch = this.buffer[++i];
	            nl = i - 1;
	        }
	        else if (!this.blockScalarKeep) {
	            do {
	                let i = nl - 1;
	                let ch = this.buffer[i];
	                if (ch === '\r')
	                    ch = this.buffer[--i];
	                const lastChar = i; // Drop the line if last char not more indented
	                while (ch === ' ')
	                    ch = this.buffer[--i];
	                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
	                    nl = i;
	                else
	                    break;
	            } while (true);
	        }
	        yield cst.SCALAR;
	        yield* this.pushToIndex(nl + 1, true);
	        return yield* this.parseLineStart();
	    }
	    *parsePlainScalar() {
	        const inFlow = this.flowLevel > 0;
	        let end = this.pos - 1;
	        let i = this.pos - 1;
	        let ch;
	        while ((ch = this.buffer[++i])) {
	            if (ch === ':') {
	                const next = this.buffer[i + 1];
	                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
	                    break;
	                end = i;
	            }
	            else if (isEmpty(ch)) {
	                let next = this.buffer[i + 1];
	                if (ch === '\r') {
	                    if (next === '\n') {
	                        i += 1;
	                        ch = '\n';
	                        next = this.buffer[i + 1];
	                    }
	                    else
	                        end = i;
	                }
	                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
	                    break;
	                if (ch === '\n') {
	                    const cs = this.continueScalar(i + 1);
	                    if (cs === -1)
	                        break;
	                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
	                }
	            }
	            else {
	                if (inFlow && flowIndicatorChars.has(ch))
	                    break;
	                end = i;
	            }
	        }
	        if (!ch && !this.atEnd)
	            return this.setNext('plain-scalar');
	        yield cst.SCALAR;
	        yield* this.pushToIndex(end + 1, true);
	        return inFlow ? 'flow' : 'doc';
	    }
	    *pushCount(n) {
	        if (n > 0) {
	            yield this.buffer.substr(this.pos, n);
	            this.pos += n;
	            return n;
	        }
	        return 0;
	    }
	    *pushToIndex(i, allowEmpty) {
	        const s = this.buffer.slice(this.pos, i);
	        if (s) {
	            yield s;
	            this.pos += s.length;
	            return s.length;
	        }
	        else if (allowEmpty)
	            yield '';
	        return 0;
	    }
	    *pushIndicators() {
	        let n = 0;
	        loop: while (true) {
	            switch (this.charAt(0)) {
	                case '!':
	                    n += yield* this.pushTag();
	                    n += yield* this.pushSpaces(true);
	                    continue loop;
	                case '&':
	                    n += yield* this.pushUntil(isNotAnchorChar);
	                    n += yield* this.pushSpaces(true);
	                    continue loop;
	                case '-': // this is an error
	                case '?': // this is an error outside flow collections
	                case ':': {
	                    const inFlow = this.flowLevel > 0;
	                    const ch1 = this.charAt(1);
	                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
	                        if (!inFlow)
	                            this.indentNext = this.indentValue + 1;
	                        else if (this.flowKey)
	                            this.flowKey = false;
	                        n += yield* this.pushCount(1);
	                        n += yield* this.pushSpaces(true);
	                        continue loop;
	                    }
	                }
	            }
	            break loop;
	        }
	        return n;
	    }
	    *pushTag() {
	        if (this.charAt(1) === '<') {
	            let i = this.pos + 2;
	            let ch = this.buffer[i];
	            while (!isEmpty(ch) && ch !== '>')
	                ch = this.buffer[++i];
	            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
	        }
	        else {
	            let i = this.pos + 1;
	            let ch = this.buffer[i];
	            while (ch) {
	                if (tagChars.has(ch))
	                    ch = this.buffer[++i];
	                else if (ch === '%' &&
	                    hexDigits.has(this.buffer[i + 1]) &&
	                    hexDigits.has(this.buffer[i + 2])) {
	                    ch = this.buffer[(i += 3)];
	                }
	                else
	                    break;
	            }
	            return yield* this.pushToIndex(i, false);
	        }
	    }
	    *pushNewline() {
	        const ch = this.buffer[this.pos];
	        if (ch === '\n')
	            return yield* this.pushCount(1);
	        else if (ch === '\r' && this.charAt(1) === '\n')
	            return yield* this.pushCount(2);
	        else
	            return 0;
	    }
	    *pushSpaces(allowTabs) {
	        let i = this.pos - 1;
	        let ch;
	        do {
	            ch = this.buffer[++i];
	        } while (ch === ' ' || (allowTabs && ch === '\t'));
	        const n = i - this.pos;
	        if (n > 0) {
	            yield this.buffer.substr(this.pos, n);
	            this.pos = i;
	        }
	        return n;
	    }
	    *pushUntil(test) {
	        let i = this.pos;
	        let ch = this.buffer[i];
	        while (!test(ch))
	            ch = this.buffer[++i];
	        return yield* this.pushToIndex(i, false);
	    }
	}

	lexer.Lexer = Lexer;
	return lexer;
}

var lineCounter = {};

var hasRequiredLineCounter;

function requireLineCounter () {
	if (hasRequiredLineCounter) return lineCounter;
	hasRequiredLineCounter = 1;

	/**
	 * Tracks newlines during parsing in order to provide an efficient API for
	 * determining the one-indexed `{ line, col }` position for any offset
	 * within the input.
	 */
	class LineCounter {
	    constructor() {
	        this.lineStarts = [];
	        /**
	         * Should be called in ascending order. Otherwise, call
	         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
	         */
	        this.addNewLine = (offset) => this.lineStarts.push(offset);
	        /**
	         * Performs a binary search and returns the 1-indexed { line, col }
	         * position of `offset`. If `line === 0`, `addNewLine` has never been
	         * called or `offset` is before the first known newline.
	         */
	        this.linePos = (offset) => {
	            let low = 0;
	            let high = this.lineStarts.length;
	            while (low < high) {
	                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
	                if (this.lineStarts[mid] < offset)
	                    low = mid + 1;
	                else
	                    high = mid;
	            }
	            if (this.lineStarts[low] === offset)
	                return { line: low + 1, col: 1 };
	            if (low === 0)
	                return { line: 0, col: offset };
	            const start = this.lineStarts[low - 1];
	            return { line: low, col: offset - start + 1 };
	        };
	    }
	}

	lineCounter.LineCounter = LineCounter;
	return lineCounter;
}

var parser = {};

var hasRequiredParser;

function requireParser () {
	if (hasRequiredParser) return parser;
	hasRequiredParser = 1;

	var node_process = require$$0;
	var cst = requireCst();
	var lexer = requireLexer();

	function includesToken(list, type) {
	    for (let i = 0; i < list.length; ++i)
	        if (list[i].type === type)
	            return true;
	    return false;
	}
	function findNonEmptyIndex(list) {
	    for (let i = 0; i < list.length; ++i) {
	        switch (list[i].type) {
	            case 'space':
	            case 'comment':
	            case 'newline':
	                break;
	            default:
	                return i;
	        }
	    }
	    return -1;
	}
	function isFlowToken(token) {
	    switch (token?.type) {
	        case 'alias':
	        case 'scalar':
	        case 'single-quoted-scalar':
	        case 'double-quoted-scalar':
	        case 'flow-collection':
	            return true;
	        default:
	            return false;
	    }
	}
	function getPrevProps(parent) {
	    switch (parent.type) {
	        case 'document':
	            return parent.start;
	        case 'block-map': {
	            const it = parent.items[parent.items.length - 1];
	            return it.sep ?? it.start;
	        }
	        case 'block-seq':
	            return parent.items[parent.items.length - 1].start;
	        /* istanbul ignore next should not happen */
	        default:
	            return [];
	    }
	}
	/** Note: May modify input array */
	function getFirstKeyStartProps(prev) {
	    if (prev.length === 0)
	        return [];
	    let i = prev.length;
	    loop: while (--i >= 0) {
	        switch (prev[i].type) {
	            case 'doc-start':
	            case 'explicit-key-ind':
	            case 'map-value-ind':
	            case 'seq-item-ind':
	            case 'newline':
	                break loop;
	        }
	    }
	    while (prev[++i]?.type === 'space') {
	        /* loop */
	    }
	    return prev.splice(i, prev.length);
	}
	function arrayPushArray(target, source) {
	    // May exhaust call stack with large `source` array
	    if (source.length < 1e5)
	        Array.prototype.push.apply(target, source);
	    else
	        for (let i = 0; i < source.length; ++i)
	            target.push(source[i]);
	}
	function fixFlowSeqItems(fc) {
	    if (fc.start.type === 'flow-seq-start') {
	        for (const it of fc.items) {
	            if (it.sep &&
	                !it.value &&
	                !includesToken(it.start, 'explicit-key-ind') &&
	                !includesToken(it.sep, 'map-value-ind')) {
	                if (it.key)
	                    it.value = it.key;
	                delete it.key;
	                if (isFlowToken(it.value)) {
	                    if (it.value.end)
	                        arrayPushArray(it.value.end, it.sep);
	                    else
	                        it.value.end = it.sep;
	                }
	                else
	                    arrayPushArray(it.start, it.sep);
	                delete it.sep;
	            }
	        }
	    }
	}
	/**
	 * A YAML concrete syntax tree (CST) parser
	 *
	 * ```ts
	 * const src: string = ...
	 * for (const token of new Parser().parse(src)) {
	 *   // token: Token
	 * }
	 * ```
	 *
	 * To use the parser with a user-provided lexer:
	 *
	 * ```ts
	 * function* parse(source: string, lexer: Lexer) {
	 *   const parser = new Parser()
	 *   for (const lexeme of lexer.lex(source))
	 *     yield* parser.next(lexeme)
	 *   yield* parser.end()
	 * }
	 *
	 * const src: string = ...
	 * const lexer = new Lexer()
	 * for (const token of parse(src, lexer)) {
	 *   // token: Token
	 * }
	 * ```
	 */
	class Parser {
	    /**
	     * @param onNewLine - If defined, called separately with the start position of
	     *   each new line (in `parse()`, including the start of input).
	     */
	    constructor(onNewLine) {
	        /** If true, space and sequence indicators count as indentation */
	        this.atNewLine = true;
	        /** If true, next token is a scalar value */
	        this.atScalar = false;
	        /** Current indentation level */
	        this.indent = 0;
	        /** Current offset since the start of parsing */
	        this.offset = 0;
	        /** On the same line with a block map key */
	        this.onKeyLine = false;
	        /** Top indicates the node that's currently being built */
	        this.stack = [];
	        /** The source of the current token, set in parse() */
	        this.source = '';
	        /** The type of the current token, set in parse() */
	        this.type = '';
	        // Must be defined after `next()`
	        this.lexer = new lexer.Lexer();
	        this.onNewLine = onNewLine;
	    }
	    /**
	     * Parse `source` as a YAML stream.
	     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
	     *
	     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
	     *
	     * @returns A generator of tokens representing each directive, document, and other structure.
	     */
	    *parse(source, incomplete = false) {
	        if (this.onNewLine && this.offset === 0)
	            this.onNewLine(0);
	        for (const lexeme of this.lexer.lex(source, incomplete))
	            yield* this.next(lexeme);
	        if (!incomplete)
	            yield* this.end();
	    }
	    /**
	     * Advance the parser by the `source` of one lexical token.
	     */
	    *next(source) {
	        this.source = source;
	        if (node_process.env.LOG_TOKENS)
	            console.log('|', cst.prettyToken(source));
	        if (this.atScalar) {
	            this.atScalar = false;
	            yield* this.step();
	            this.offset += source.length;
	            return;
	        }
	        const type = cst.tokenType(source);
	        if (!type) {
	            const message = `Not a YAML token: ${source}`;
	            yield* this.pop({ type: 'error', offset: this.offset, message, source });
	            this.offset += source.length;
	        }
	        else if (type === 'scalar') {
	            this.atNewLine = false;
	            this.atScalar = true;
	            this.type = 'scalar';
	        }
	        else {
	            this.type = type;
	            yield* this.step();
	            switch (type) {
	                case 'newline':
	                    this.atNewLine = true;
	                    this.indent = 0;
	                    if (this.onNewLine)
	                        this.onNewLine(this.offset + source.length);
	                    break;
	                case 'space':
	                    if (this.atNewLine && source[0] === ' ')
	                        this.indent += source.length;
	                    break;
	                case 'explicit-key-ind':
	                case 'map-value-ind':
	                case 'seq-item-ind':
	                    if (this.atNewLine)
	                        this.indent += source.length;
	                    break;
	                case 'doc-mode':
	                case 'flow-error-end':
	                    return;
	                default:
	                    this.atNewLine = false;
	            }
	            this.offset += source.length;
	        }
	    }
	    /** Call at end of input to push out any remaining constructions */
	    *end() {
	        while (this.stack.length > 0)
	            yield* this.pop();
	    }
	    get sourceToken() {
	        const st = {
	            type: this.type,
	            offset: this.offset,
	            indent: this.indent,
	            source: this.source
	        };
	        return st;
	    }
	    *step() {
	        const top = this.peek(1);
	        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
	            while (this.stack.length > 0)
	                yield* this.pop();
	            this.stack.push({
	                type: 'doc-end',
	                offset: this.offset,
	                source: this.source
	            });
	            return;
	        }
	        if (!top)
	            return yield* this.stream();
	        switch (top.type) {
	            case 'document':
	                return yield* this.document(top);
	            case 'alias':
	            case 'scalar':
	            case 'single-quoted-scalar':
	            case 'double-quoted-scalar':
	                return yield* this.scalar(top);
	            case 'block-scalar':
	                return yield* this.blockScalar(top);
	            case 'block-map':
	                return yield* this.blockMap(top);
	            case 'block-seq':
	                return yield* this.blockSequence(top);
	            case 'flow-collection':
	                return yield* this.flowCollection(top);
	            case 'doc-end':
	                return yield* this.documentEnd(top);
	        }
	        /* istanbul ignore next should not happen */
	        yield* this.pop();
	    }
	    peek(n) {
	        return this.stack[this.stack.length - n];
	    }
	    *pop(error) {
	        const token = error ?? this.stack.pop();
	        /* istanbul ignore if should not happen */
	        if (!token) {
	            const message = 'Tried to pop an empty stack';
	            yield { type: 'error', offset: this.offset, source: '', message };
	        }
	        else if (this.stack.length === 0) {
	            yield token;
	        }
	        else {
	            const top = this.peek(1);
	            if (token.type === 'block-scalar') {
	                // Block scalars use their parent rather than header indent
	                token.indent = 'indent' in top ? top.indent : 0;
	            }
	            else if (token.type === 'flow-collection' && top.type === 'document') {
	                // Ignore all indent for top-level flow collections
	                token.indent = 0;
	            }
	            if (token.type === 'flow-collection')
	                fixFlowSeqItems(token);
	            switch (top.type) {
	                case 'document':
	                    top.value = token;
	                    break;
	                case 'block-scalar':
	                    top.props.push(token); // error
	                    break;
	                case 'block-map': {
	                    const it = top.items[top.items.length - 1];
	                    if (it.value) {
	                        top.items.push({ start: [], key: token, sep: [] });
	                        this.onKeyLine = true;
	                        return;
	                    }
	                    else if (it.sep) {
	                        it.value = token;
	                    }
	                    else {
	                        Object.assign(it, { key: token, sep: [] });
	                        this.onKeyLine = !it.explicitKey;
	                        return;
	                    }
	                    break;
	                }
	                case 'block-seq': {
	                    const it = top.items[top.items.length - 1];
	                    if (it.value)
	                        top.items.push({ start: [], value: token });
	                    else
	                        it.value = token;
	                    break;
	                }
	                case 'flow-collection': {
	                    const it = top.items[top.items.length - 1];
	                    if (!it || it.value)
	                        top.items.push({ start: [], key: token, sep: [] });
	                    else if (it.sep)
	                        it.value = token;
	                    else
	                        Object.assign(it, { key: token, sep: [] });
	                    return;
	                }
	                /* istanbul ignore next should not happen */
	                default:
	                    yield* this.pop();
	                    yield* this.pop(token);
	            }
	            if ((top.type === 'document' ||
	                top.type === 'block-map' ||
	                top.type === 'block-seq') &&
	                (token.type === 'block-map' || token.type === 'block-seq')) {
	                const last = token.items[token.items.length - 1];
	                if (last &&
	                    !last.sep &&
	                    !last.value &&
	                    last.start.length > 0 &&
	                    findNonEmptyIndex(last.start) === -1 &&
	                    (token.indent === 0 ||
	                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
	                    if (top.type === 'document')
	                        top.end = last.start;
	                    else
	                        top.items.push({ start: last.start });
	                    token.items.splice(-1, 1);
	                }
	            }
	        }
	    }
	    *stream() {
	        switch (this.type) {
	            case 'directive-line':
	                yield { type: 'directive', offset: this.offset, source: this.source };
	                return;
	            case 'byte-order-mark':
	            case 'space':
	            case 'comment':
	            case 'newline':
	                yield this.sourceToken;
	                return;
	            case 'doc-mode':
	            case 'doc-start': {
	                const doc = {
	                    type: 'document',
	                    offset: this.offset,
	                    start: []
	                };
	                if (this.type === 'doc-start')
	                    doc.start.push(this.sourceToken);
	                this.stack.push(doc);
	                return;
	            }
	        }
	        yield {
	            type: 'error',
	            offset: this.offset,
	            message: `Unexpected ${this.type} token in YAML stream`,
	            source: this.source
	        };
	    }
	    *document(doc) {
	        if (doc.value)
	            return yield* this.lineEnd(doc);
	        switch (this.type) {
	            case 'doc-start': {
	                if (findNonEmptyIndex(doc.start) !== -1) {
	                    yield* this.pop();
	                    yield* this.step();
	                }
	                else
	                    doc.start.push(this.sourceToken);
	                return;
	            }
	            case 'anchor':
	            case 'tag':
	            case 'space':
	            case 'comment':
	            case 'newline':
	                doc.start.push(this.sourceToken);
	                return;
	        }
	        const bv = this.startBlockValue(doc);
	        if (bv)
	            this.stack.push(bv);
	        else {
	            yield {
	                type: 'error',
	                offset: this.offset,
	                message: `Unexpected ${this.type} token in YAML document`,
	                source: this.source
	            };
	        }
	    }
	    *scalar(scalar) {
	        if (this.type === 'map-value-ind') {
	            const prev = getPrevProps(this.peek(2));
	            const start = getFirstKeyStartProps(prev);
	            let sep;
	            if (scalar.end) {
	                sep = scalar.end;
	                sep.push(this.sourceToken);
	                delete scalar.end;
	            }
	            else
	                sep = [this.sourceToken];
	            const map = {
	                type: 'block-map',
	                offset: scalar.offset,
	                indent: scalar.indent,
	                items: [{ start, key: scalar, sep }]
	            };
	            this.onKeyLine = true;
	            this.stack[this.stack.length - 1] = map;
	        }
	        else
	            yield* this.lineEnd(scalar);
	    }
	    *blockScalar(scalar) {
	        switch (this.type) {
	            case 'space':
	            case 'comment':
	            case 'newline':
	                scalar.props.push(this.sourceToken);
	                return;
	            case 'scalar':
	                scalar.source = this.source;
	                // block-scalar source includes trailing newline
	                this.atNewLine = true;
	                this.indent = 0;
	                if (this.onNewLine) {
	                    let nl = this.source.indexOf('\n') + 1;
	                    while (nl !== 0) {
	                        this.onNewLine(this.offset + nl);
	                        nl = this.source.indexOf('\n', nl) + 1;
	                    }
	                }
	                yield* this.pop();
	                break;
	            /* istanbul ignore next should not happen */
	            default:
	                yield* this.pop();
	                yield* this.step();
	        }
	    }
	    *blockMap(map) {
	        const it = map.items[map.items.length - 1];
	        // it.sep is true-ish if pair already has key or : separator
	        switch (this.type) {
	            case 'newline':
	                this.onKeyLine = false;
	                if (it.value) {
	                    const end = 'end' in it.value ? it.value.end : undefined;
	                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
	                    if (last?.type === 'comment')
	                        end?.push(this.sourceToken);
	                    else
	                        map.items.push({ start: [this.sourceToken] });
	                }
	                else if (it.sep) {
	                    it.sep.push(this.sourceToken);
	                }
	                else {
	                    it.start.push(this.sourceToken);
	                }
	                return;
	            case 'space':
	            case 'comment':
	                if (it.value) {
	                    map.items.push({ start: [this.sourceToken] });
	                }
	                else if (it.sep) {
	                    it.sep.push(this.sourceToken);
	                }
	                else {
	                    if (this.atIndentedComment(it.start, map.indent)) {
	                        const prev = map.items[map.items.length - 2];
	                        const end = prev?.value?.end;
	                        if (Array.isArray(end)) {
	                            arrayPushArray(end, it.start);
	                            end.push(this.sourceToken);
	                            map.items.pop();
	                            return;
	                        }
	                    }
	                    it.start.push(this.sourceToken);
	                }
	                return;
	        }
	        if (this.indent >= map.indent) {
	            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
	            const atNextItem = atMapIndent &&
	                (it.sep || it.explicitKey) &&
	                this.type !== 'seq-item-ind';
	            // For empty nodes, assign newline-separated not indented empty tokens to following node
	            let start = [];
	            if (atNextItem && it.sep && !it.value) {
	                const nl = [];
	                for (let i = 0; i < it.sep.length; ++i) {
	                    const st = it.sep[i];
	                    switch (st.type) {
	                        case 'newline':
	                            nl.push(i);
	                            break;
	                        case 'space':
	                            break;
	                        case 'comment':
	                            if (st.indent > map.indent)
	                                nl.length = 0;
	                            break;
	                        default:
	                            nl.length = 0;
	                    }
	                }
	                if (nl.length >= 2)
	                    start = it.sep.splice(nl[1]);
	            }
	            switch (this.type) {
	                case 'anchor':
	                case 'tag':
	                    if (atNextItem || it.value) {
	                        start.push(this.sourceToken);
	                        map.items.push({ start });
	                        this.onKeyLine = true;
	                    }
	                    else if (it.sep) {
	                        it.sep.push(this.sourceToken);
	                    }
	                    else {
	                        it.start.push(this.sourceToken);
	                    }
	                    return;
	                case 'explicit-key-ind':
	                    if (!it.sep && !it.explicitKey) {
	                        it.start.push(this.sourceToken);
	                        it.explicitKey = true;
	                    }
	                    else if (atNextItem || it.value) {
	                        start.push(this.sourceToken);
	                        map.items.push({ start, explicitKey: true });
	                    }
	                    else {
	                        this.stack.push({
	                            type: 'block-map',
	                            offset: this.offset,
	                            indent: this.indent,
	                            items: [{ start: [this.sourceToken], explicitKey: true }]
	                        });
	                    }
	                    this.onKeyLine = true;
	                    return;
	                case 'map-value-ind':
	                    if (it.explicitKey) {
	                        if (!it.sep) {
	                            if (includesToken(it.start, 'newline')) {
	                                Object.assign(it, { key: null, sep: [this.sourceToken] });
	                            }
	                            else {
	                                const start = getFirstKeyStartProps(it.start);
	                                this.stack.push({
	                                    type: 'block-map',
	                                    offset: this.offset,
	                                    indent: this.indent,
	                                    items: [{ start, key: null, sep: [this.sourceToken] }]
	                                });
	                            }
	                        }
	                        else if (it.value) {
	                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
	                        }
	                        else if (includesToken(it.sep, 'map-value-ind')) {
	                            this.stack.push({
	                                type: 'block-map',
	                                offset: this.offset,
	                                indent: this.indent,
	                                items: [{ start, key: null, sep: [this.sourceToken] }]
	                            });
	                        }
	                        else if (isFlowToken(it.key) &&
	                            !includesToken(it.sep, 'newline')) {
	                            const start = getFirstKeyStartProps(it.start);
	                            const key = it.key;
	                            const sep = it.sep;
	                            sep.push(this.sourceToken);
	                            // @ts-expect-error type guard is wrong here
	                            delete it.key;
	                            // @ts-expect-error type guard is wrong here
	                            delete it.sep;
	                            this.stack.push({
	                                type: 'block-map',
	                                offset: this.offset,
	                                indent: this.indent,
	                                items: [{ start, key, sep }]
	                            });
	                        }
	                        else if (start.length > 0) {
	                            // Not actually at next item
	                            it.sep = it.sep.concat(start, this.sourceToken);
	                        }
	                        else {
	                            it.sep.push(this.sourceToken);
	                        }
	                    }
	                    else {
	                        if (!it.sep) {
	                            Object.assign(it, { key: null, sep: [this.sourceToken] });
	                        }
	                        else if (it.value || atNextItem) {
	                            map.items.push({ start, key: null, sep: [this.sourceToken] });
	                        }
	                        else if (includesToken(it.sep, 'map-value-ind')) {
	                            this.stack.push({
	                                type: 'block-map',
	                                offset: this.offset,
	                                indent: this.indent,
	                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
	                            });
	                        }
	                        else {
	                            it.sep.push(this.sourceToken);
	                        }
	                    }
	                    this.onKeyLine = true;
	                    return;
	                case 'alias':
	                case 'scalar':
	                case 'single-quoted-scalar':
	                case 'double-quoted-scalar': {
	                    const fs = this.flowScalar(this.type);
	                    if (atNextItem || it.value) {
	                        map.items.push({ start, key: fs, sep: [] });
	                        this.onKeyLine = true;
	                    }
	                    else if (it.sep) {
	                        this.stack.push(fs);
	                    }
	                    else {
	                        Object.assign(it, { key: fs, sep: [] });
	                        this.onKeyLine = true;
	                    }
	                    return;
	                }
	                default: {
	                    const bv = this.startBlockValue(map);
	                    if (bv) {
	                        if (bv.type === 'block-seq') {
	                            if (!it.explicitKey &&
	                                it.sep &&
	                                !includesToken(it.sep, 'newline')) {
	                                yield* this.pop({
	                                    type: 'error',
	                                    offset: this.offset,
	                                    message: 'Unexpected block-seq-ind on same line with key',
	                                    source: this.source
	                                });
	                                return;
	                            }
	                        }
	                        else if (atMapIndent) {
	                            map.items.push({ start });
	                        }
	                        this.stack.push(bv);
	                        return;
	                    }
	                }
	            }
	        }
	        yield* this.pop();
	        yield* this.step();
	    }
	    *blockSequence(seq) {
	        const it = seq.items[seq.items.length - 1];
	        switch (this.type) {
	            case 'newline':
	                if (it.value) {
	                    const end = 'end' in it.value ? it.value.end : undefined;
	                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
	                    if (last?.type === 'comment')
	                        end?.push(this.sourceToken);
	                    else
	                        seq.items.push({ start: [this.sourceToken] });
	                }
	                else
	                    it.start.push(this.sourceToken);
	                return;
	            case 'space':
	            case 'comment':
	                if (it.value)
	                    seq.items.push({ start: [this.sourceToken] });
	                else {
	                    if (this.atIndentedComment(it.start, seq.indent)) {
	                        const prev = seq.items[seq.items.length - 2];
	                        const end = prev?.value?.end;
	                        if (Array.isArray(end)) {
	                            arrayPushArray(end, it.start);
	                            end.push(this.sourceToken);
	                            seq.items.pop();
	                            return;
	                        }
	                    }
	                    it.start.push(this.sourceToken);
	                }
	                return;
	            case 'anchor':
	            case 'tag':
	                if (it.value || this.indent <= seq.indent)
	                    break;
	                it.start.push(this.sourceToken);
	                return;
	            case 'seq-item-ind':
	                if (this.indent !== seq.indent)
	                    break;
	                if (it.value || includesToken(it.start, 'seq-item-ind'))
	                    seq.items.push({ start: [this.sourceToken] });
	                else
	                    it.start.push(this.sourceToken);
	                return;
	        }
	        if (this.indent > seq.indent) {
	            const bv = this.startBlockValue(seq);
	            if (bv) {
	                this.stack.push(bv);
	                return;
	            }
	        }
	        yield* this.pop();
	        yield* this.step();
	    }
	    *flowCollection(fc) {
	        const it = fc.items[fc.items.length - 1];
	        if (this.type === 'flow-error-end') {
	            let top;
	            do {
	                yield* this.pop();
	                top = this.peek(1);
	            } while (top?.type === 'flow-collection');
	        }
	        else if (fc.end.length === 0) {
	            switch (this.type) {
	                case 'comma':
	                case 'explicit-key-ind':
	                    if (!it || it.sep)
	                        fc.items.push({ start: [this.sourceToken] });
	                    else
	                        it.start.push(this.sourceToken);
	                    return;
	                case 'map-value-ind':
	                    if (!it || it.value)
	                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
	                    else if (it.sep)
	                        it.sep.push(this.sourceToken);
	                    else
	                        Object.assign(it, { key: null, sep: [this.sourceToken] });
	                    return;
	                case 'space':
	                case 'comment':
	                case 'newline':
	                case 'anchor':
	                case 'tag':
	                    if (!it || it.value)
	                        fc.items.push({ start: [this.sourceToken] });
	                    else if (it.sep)
	                        it.sep.push(this.sourceToken);
	                    else
	                        it.start.push(this.sourceToken);
	                    return;
	                case 'alias':
	                case 'scalar':
	                case 'single-quoted-scalar':
	                case 'double-quoted-scalar': {
	                    const fs = this.flowScalar(this.type);
	                    if (!it || it.value)
	                        fc.items.push({ start: [], key: fs, sep: [] });
	                    else if (it.sep)
	                        this.stack.push(fs);
	                    else
	                        Object.assign(it, { key: fs, sep: [] });
	                    return;
	                }
	                case 'flow-map-end':
	                case 'flow-seq-end':
	                    fc.end.push(this.sourceToken);
	                    return;
	            }
	            const bv = this.startBlockValue(fc);
	            /* istanbul ignore else should not happen */
	            if (bv)
	                this.stack.push(bv);
	            else {
	                yield* this.pop();
	                yield* this.step();
	            }
	        }
	        else {
	            const parent = this.peek(2);
	            if (parent.type === 'block-map' &&
	                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
	                    (this.type === 'newline' &&
	                        !parent.items[parent.items.length - 1].sep))) {
	                yield* this.pop();
	                yield* this.step();
	            }
	            else if (this.type === 'map-value-ind' &&
	                parent.type !== 'flow-collection') {
	                const prev = getPrevProps(parent);
	                const start = getFirstKeyStartProps(prev);
	                fixFlowSeqItems(fc);
	                const sep = fc.end.splice(1, fc.end.length);
	                sep.push(this.sourceToken);
	                const map = {
	                    type: 'block-map',
	                    offset: fc.offset,
	                    indent: fc.indent,
	                    items: [{ start, key: fc, sep }]
	                };
	                this.onKeyLine = true;
	                this.stack[this.stack.length - 1] = map;
	            }
	            else {
	                yield* this.lineEnd(fc);
	            }
	        }
	    }
	    flowScalar(type) {
	        if (this.onNewLine) {
	            let nl = this.source.indexOf('\n') + 1;
	            while (nl !== 0) {
	                this.onNewLine(this.offset + nl);
	                nl = this.source.indexOf('\n', nl) + 1;
	            }
	        }
	        return {
	            type,
	            offset: this.offset,
	            indent: this.indent,
	            source: this.source
	        };
	    }
	    startBlockValue(parent) {
	        switch (this.type) {
	            case 'alias':
	            case 'scalar':
	            case 'single-quoted-scalar':
	            case 'double-quoted-scalar':
	                return this.flowScalar(this.type);
	            case 'block-scalar-header':
	                return {
	                    type: 'block-scalar',
	                    offset: this.offset,
	                    indent: this.indent,
	                    props: [this.sourceToken],
	                    source: ''
	                };
	            case 'flow-map-start':
	            case 'flow-seq-start':
	                return {
	                    type: 'flow-collection',
	                    offset: this.offset,
	                    indent: this.indent,
	                    start: this.sourceToken,
	                    items: [],
	                    end: []
	                };
	            case 'seq-item-ind':
	                return {
	                    type: 'block-seq',
	                    offset: this.offset,
	                    indent: this.indent,
	                    items: [{ start: [this.sourceToken] }]
	                };
	            case 'explicit-key-ind': {
	                this.onKeyLine = true;
	                const prev = getPrevProps(parent);
	                const start = getFirstKeyStartProps(prev);
	                start.push(this.sourceToken);
	                return {
	                    type: 'block-map',
	                    offset: this.offset,
	                    indent: this.indent,
	                    items: [{ start, explicitKey: true }]
	                };
	            }
	            case 'map-value-ind': {
	                this.onKeyLine = true;
	                const prev = getPrevProps(parent);
	                const start = getFirstKeyStartProps(prev);
	                return {
	                    type: 'block-map',
	                    offset: this.offset,
	                    indent: this.indent,
	                    items: [{ start, key: null, sep: [this.sourceToken] }]
	                };
	            }
	        }
	        return null;
	    }
	    atIndentedComment(start, indent) {
	        if (this.type !== 'comment')
	            return false;
	        if (this.indent <= indent)
	            return false;
	        return start.every(st => st.type === 'newline' || st.type === 'space');
	    }
	    *documentEnd(docEnd) {
	        if (this.type !== 'doc-mode') {
	            if (docEnd.end)
	                docEnd.end.push(this.sourceToken);
	            else
	                docEnd.end = [this.sourceToken];
	            if (this.type === 'newline')
	                yield* this.pop();
	        }
	    }
	    *lineEnd(token) {
	        switch (this.type) {
	            case 'comma':
	            case 'doc-start':
	            case 'doc-end':
	            case 'flow-seq-end':
	            case 'flow-map-end':
	            case 'map-value-ind':
	                yield* this.pop();
	                yield* this.step();
	                break;
	            case 'newline':
	                this.onKeyLine = false;
	            // fallthrough
	            case 'space':
	            case 'comment':
	            default:
	                // all other values are errors
	                if (token.end)
	                    token.end.push(this.sourceToken);
	                else
	                    token.end = [this.sourceToken];
	                if (this.type === 'newline')
	                    yield* this.pop();
	        }
	    }
	}

	parser.Parser = Parser;
	return parser;
}

var publicApi = {};

var hasRequiredPublicApi;

function requirePublicApi () {
	if (hasRequiredPublicApi) return publicApi;
	hasRequiredPublicApi = 1;

	var composer = requireComposer();
	var Document = requireDocument();
	var errors = requireErrors();
	var log = requireLog();
	var identity = requireIdentity();
	var lineCounter = requireLineCounter();
	var parser = requireParser();

	function parseOptions(options) {
	    const prettyErrors = options.prettyErrors !== false;
	    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
	    return { lineCounter: lineCounter$1, prettyErrors };
	}
	/**
	 * Parse the input as a stream of YAML documents.
	 *
	 * Documents should be separated from each other by `...` or `---` marker lines.
	 *
	 * @returns If an empty `docs` array is returned, it will be of type
	 *   EmptyStream and contain additional stream information. In
	 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
	 */
	function parseAllDocuments(source, options = {}) {
	    const { lineCounter, prettyErrors } = parseOptions(options);
	    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
	    const composer$1 = new composer.Composer(options);
	    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
	    if (prettyErrors && lineCounter)
	        for (const doc of docs) {
	            doc.errors.forEach(errors.prettifyError(source, lineCounter));
	            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
	        }
	    if (docs.length > 0)
	        return docs;
	    return Object.assign([], { empty: true }, composer$1.streamInfo());
	}
	/** Parse an input string into a single YAML.Document */
	function parseDocument(source, options = {}) {
	    const { lineCounter, prettyErrors } = parseOptions(options);
	    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
	    const composer$1 = new composer.Composer(options);
	    // `doc` is always set by compose.end(true) at the very latest
	    let doc = null;
	    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
	        if (!doc)
	            doc = _doc;
	        else if (doc.options.logLevel !== 'silent') {
	            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
	            break;
	        }
	    }
	    if (prettyErrors && lineCounter) {
	        doc.errors.forEach(errors.prettifyError(source, lineCounter));
	        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
	    }
	    return doc;
	}
	function parse(src, reviver, options) {
	    let _reviver = undefined;
	    if (typeof reviver === 'function') {
	        _reviver = reviver;
	    }
	    else if (options === undefined && reviver && typeof reviver === 'object') {
	        options = reviver;
	    }
	    const doc = parseDocument(src, options);
	    if (!doc)
	        return null;
	    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
	    if (doc.errors.length > 0) {
	        if (doc.options.logLevel !== 'silent')
	            throw doc.errors[0];
	        else
	            doc.errors = [];
	    }
	    return doc.toJS(Object.assign({ reviver: _reviver }, options));
	}
	function stringify(value, replacer, options) {
	    let _replacer = null;
	    if (typeof replacer === 'function' || Array.isArray(replacer)) {
	        _replacer = replacer;
	    }
	    else if (options === undefined && replacer) {
	        options = replacer;
	    }
	    if (typeof options === 'string')
	        options = options.length;
	    if (typeof options === 'number') {
	        const indent = Math.round(options);
	        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
	    }
	    if (value === undefined) {
	        const { keepUndefined } = options ?? replacer ?? {};
	        if (!keepUndefined)
	            return undefined;
	    }
	    if (identity.isDocument(value) && !_replacer)
	        return value.toString(options);
	    return new Document.Document(value, _replacer, options).toString(options);
	}

	publicApi.parse = parse;
	publicApi.parseAllDocuments = parseAllDocuments;
	publicApi.parseDocument = parseDocument;
	publicApi.stringify = stringify;
	return publicApi;
}

var hasRequiredDist;

function requireDist () {
	if (hasRequiredDist) return dist;
	hasRequiredDist = 1;

	var composer = requireComposer();
	var Document = requireDocument();
	var Schema = requireSchema();
	var errors = requireErrors();
	var Alias = requireAlias();
	var identity = requireIdentity();
	var Pair = requirePair();
	var Scalar = requireScalar();
	var YAMLMap = requireYAMLMap();
	var YAMLSeq = requireYAMLSeq();
	var cst = requireCst();
	var lexer = requireLexer();
	var lineCounter = requireLineCounter();
	var parser = requireParser();
	var publicApi = requirePublicApi();
	var visit = requireVisit();



	dist.Composer = composer.Composer;
	dist.Document = Document.Document;
	dist.Schema = Schema.Schema;
	dist.YAMLError = errors.YAMLError;
	dist.YAMLParseError = errors.YAMLParseError;
	dist.YAMLWarning = errors.YAMLWarning;
	dist.Alias = Alias.Alias;
	dist.isAlias = identity.isAlias;
	dist.isCollection = identity.isCollection;
	dist.isDocument = identity.isDocument;
	dist.isMap = identity.isMap;
	dist.isNode = identity.isNode;
	dist.isPair = identity.isPair;
	dist.isScalar = identity.isScalar;
	dist.isSeq = identity.isSeq;
	dist.Pair = Pair.Pair;
	dist.Scalar = Scalar.Scalar;
	dist.YAMLMap = YAMLMap.YAMLMap;
	dist.YAMLSeq = YAMLSeq.YAMLSeq;
	dist.CST = cst;
	dist.Lexer = lexer.Lexer;
	dist.LineCounter = lineCounter.LineCounter;
	dist.Parser = parser.Parser;
	dist.parse = publicApi.parse;
	dist.parseAllDocuments = publicApi.parseAllDocuments;
	dist.parseDocument = publicApi.parseDocument;
	dist.stringify = publicApi.stringify;
	dist.visit = visit.visit;
	dist.visitAsync = visit.visitAsync;
	return dist;
}

var distExports = requireDist();

// Error kinds map to the documented exit codes: 2 bad usage or configuration, 3 the run could not complete.
const EXIT = { pass: 0, fail: 1, usage: 2, incomplete: 3 };
/** Bad command line or configuration: nothing was run. */
class UsageError extends Error {
    name = 'UsageError';
}
/** The run could not complete (toolchain missing, base ref not found, nothing could be built). */
class RunError extends Error {
    detail;
    name = 'RunError';
    constructor(message, detail) {
        super(message);
        this.detail = detail;
    }
}
function exitCodeFor(err) {
    return err instanceof UsageError ? EXIT.usage : EXIT.incomplete;
}
function errorMessage(err) {
    return err instanceof Error ? err.message : String(err);
}

// Why these numbers:
// - time 10%: shared CI runners move single benchmarks by a few percent between runs even when
//   interleaved; a gate that blocks merges should only speak on changes users would act on.
// - allocs/op +1 and 5%: allocs/op is deterministic for most code, so one extra allocation per op is
//   real; the 5% keeps 1000 -> 1001 (amortised map/slice growth) from failing.
// - B/op 5% and 64 B: one extra small allocation shows in allocs/op already; the floor keeps 0 -> 8 B/op
//   from being reported as an infinite relative change on its own.
// - retained heap 25% and 64 B/op: end-of-run inuse is sampled (512 KiB MemProfileRate) and includes
//   constant warm-up, so small per-op changes are noise.
// - GC pause p99 50% and 0.5 ms, warn only: pauses depend on the machine's load more than on the code.
const DEFAULT_COMPARE = {
    thresholds: {
        time: { relative: 0.1 },
        custom: { relative: 0.1 },
        allocsPerOp: { relative: 0.05, absolute: 1 },
        bytesPerOp: { relative: 0.05, absolute: 64 },
        retainedBytesPerOp: { relative: 0.25, absolute: 64 },
        gcPauseP99: { relative: 0.5, absolute: 0.5 },
        gcCyclesPerOp: { relative: 0.2, absolute: 0 }
    },
    statistics: { alpha: 0.05, minSamples: 4, correction: 'bh' },
    metricDirections: {},
    ignoreBenchmarks: [],
    gcPauseSeverity: 'warn'
};
const DEFAULT_RUN = {
    packages: ['./...'],
    bench: '.',
    // benchstat's advice is 10 runs per side; fewer cannot reach significance after multiple-comparison control.
    count: 10,
    benchtime: '1s',
    timeoutMs: 10 * 60_000,
    race: false
};
const DEFAULT_TESTS = {
    enabled: true,
    race: true,
    run: '.',
    timeoutMs: 10 * 60_000,
    // goleak retries for about 0.4 s in all; a little more covers a loaded CI runner.
    settleMs: 500,
    narrowBudgetMs: 120_000,
    // A few iterations are enough for RunParallel bodies to overlap; timing under -race means nothing.
    raceBenchtime: '10x',
    ignore: []
};

var $schema$1 = "http://json-schema.org/draft-07/schema#";
var $id$1 = "https://github.com/org/go-leak-gate/dist/schemas/config.schema.json";
var title$1 = "go-leak-gate configuration";
var type$1 = "object";
var additionalProperties = false;
var properties$1 = {
	run: {
		type: "object",
		additionalProperties: false,
		properties: {
			packages: {
				type: "array",
				items: {
					type: "string"
				},
				description: "Package patterns, as for go test ('./...')."
			},
			bench: {
				type: "string",
				description: "Benchmark regular expression, as for go test -bench."
			},
			count: {
				type: "integer",
				minimum: 1,
				maximum: 1000,
				description: "Runs per benchmark and side."
			},
			benchtime: {
				type: "string",
				pattern: "^([0-9]+x|[0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))$",
				description: "As go test -benchtime: '1s', '500ms' or '1000x'."
			},
			timeout: {
				type: "string",
				pattern: "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$",
				description: "Per benchmark process, e.g. '10m'."
			},
			race: {
				type: "boolean",
				description: "Build the benchmark binaries with -race (only compare with a base measured the same way)."
			}
		}
	},
	thresholds: {
		type: "object",
		additionalProperties: false,
		properties: {
			time: {
				type: "object",
				additionalProperties: false,
				properties: {
					relative: {
						description: "A fraction (0.1) or a percentage ('10%').",
						anyOf: [
							{
								type: "number",
								minimum: 0
							},
							{
								type: "string",
								pattern: "^[0-9]+(\\.[0-9]+)?%$"
							}
						]
					}
				}
			},
			custom: {
				type: "object",
				additionalProperties: false,
				properties: {
					relative: {
						description: "A fraction (0.1) or a percentage ('10%').",
						anyOf: [
							{
								type: "number",
								minimum: 0
							},
							{
								type: "string",
								pattern: "^[0-9]+(\\.[0-9]+)?%$"
							}
						]
					}
				}
			},
			allocsPerOp: {
				type: "object",
				additionalProperties: false,
				properties: {
					relative: {
						description: "Fail only when head is worse by more than this share of base.",
						anyOf: [
							{
								type: "number",
								minimum: 0
							},
							{
								type: "string",
								pattern: "^[0-9]+(\\.[0-9]+)?%$"
							}
						]
					},
					absolute: {
						type: "number",
						minimum: 0,
						description: "Allocations per op head may add before failing."
					}
				}
			},
			bytesPerOp: {
				type: "object",
				additionalProperties: false,
				properties: {
					relative: {
						description: "Fail only when head is worse by more than this share of base.",
						anyOf: [
							{
								type: "number",
								minimum: 0
							},
							{
								type: "string",
								pattern: "^[0-9]+(\\.[0-9]+)?%$"
							}
						]
					},
					absolute: {
						type: "number",
						minimum: 0,
						description: "Bytes per op head may add before failing."
					}
				}
			},
			retainedBytesPerOp: {
				type: "object",
				additionalProperties: false,
				properties: {
					relative: {
						description: "Fail only when head is worse by more than this share of base.",
						anyOf: [
							{
								type: "number",
								minimum: 0
							},
							{
								type: "string",
								pattern: "^[0-9]+(\\.[0-9]+)?%$"
							}
						]
					},
					absolute: {
						type: "number",
						minimum: 0,
						description: "Retained heap bytes per op head may add before failing."
					}
				}
			},
			gcPauseP99: {
				type: "object",
				additionalProperties: false,
				properties: {
					relative: {
						description: "Fail only when head is worse by more than this share of base.",
						anyOf: [
							{
								type: "number",
								minimum: 0
							},
							{
								type: "string",
								pattern: "^[0-9]+(\\.[0-9]+)?%$"
							}
						]
					},
					absolute: {
						type: "number",
						minimum: 0,
						description: "Milliseconds the p99 stop-the-world pause may grow."
					}
				}
			},
			gcCyclesPerOp: {
				type: "object",
				additionalProperties: false,
				properties: {
					relative: {
						description: "Fail only when head is worse by more than this share of base.",
						anyOf: [
							{
								type: "number",
								minimum: 0
							},
							{
								type: "string",
								pattern: "^[0-9]+(\\.[0-9]+)?%$"
							}
						]
					},
					absolute: {
						type: "number",
						minimum: 0,
						description: "GC cycles per op head may add."
					}
				}
			}
		}
	},
	statistics: {
		type: "object",
		additionalProperties: false,
		properties: {
			alpha: {
				type: "number",
				exclusiveMinimum: 0,
				maximum: 0.5
			},
			minSamples: {
				type: "integer",
				minimum: 2
			},
			correction: {
				"enum": [
					"none",
					"bh"
				],
				description: "'bh': Benjamini-Hochberg false discovery rate control over all timing comparisons."
			}
		}
	},
	metrics: {
		type: "object",
		description: "Direction of custom units from b.ReportMetric: { 'items/op': 'higher' }.",
		additionalProperties: {
			"enum": [
				"higher",
				"lower"
			]
		}
	},
	ignore: {
		type: "object",
		additionalProperties: false,
		properties: {
			benchmarks: {
				type: "array",
				items: {
					type: "string"
				},
				description: "Regular expressions on 'import/path.BenchmarkName': reported, never failed."
			},
			goroutines: {
				type: "array",
				items: {
					type: "object",
					additionalProperties: false,
					properties: {
						topFunction: {
							type: "string",
							description: "The goroutine's innermost function, e.g. 'example.com/m/pkg.(*Pool).worker'."
						},
						anyFunction: {
							type: "string",
							description: "A function anywhere on the goroutine's stack."
						},
						createdBy: {
							type: "string",
							description: "The function that started the goroutine."
						}
					}
				},
				description: "goleak-style rules: goroutines matching any rule are never leaks."
			}
		}
	},
	gc: {
		type: "object",
		additionalProperties: false,
		properties: {
			pauseSeverity: {
				"enum": [
					"fail",
					"warn"
				]
			}
		}
	},
	tests: {
		type: "object",
		additionalProperties: false,
		description: "The test pass: tests under -race with the goroutine-leak probe, and benchmarks briefly under -race.",
		properties: {
			enabled: {
				type: "boolean",
				description: "Run the test pass (default true)."
			},
			race: {
				type: "boolean",
				description: "Build the tests with -race (default true; needs cgo and a C compiler)."
			},
			run: {
				type: "string",
				description: "Regular expression for test names, as go test -run."
			},
			timeout: {
				type: "string",
				pattern: "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$",
				description: "Per package test binary, e.g. '10m'. A package that takes longer is reported as a hang."
			},
			settle: {
				type: "string",
				pattern: "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$",
				description: "How long finishing goroutines get to exit after the tests (default '500ms')."
			},
			narrowBudget: {
				type: "string",
				pattern: "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$",
				description: "Time bound for re-running a leaking package's tests one by one to name the culprit (default '2m')."
			},
			raceBenchtime: {
				type: "string",
				pattern: "^([0-9]+x|[0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))?$",
				description: "-benchtime for the short -race pass over benchmarks; '' skips it (default '10x')."
			}
		}
	}
};
var CONFIG_SCHEMA = {
	$schema: $schema$1,
	$id: $id$1,
	title: title$1,
	type: type$1,
	additionalProperties: additionalProperties,
	properties: properties$1
};

const ajv$1 = new ajvExports.Ajv({ allErrors: true, strict: false });
const validate = ajv$1.compile(CONFIG_SCHEMA);
/** Keys allowed at a schema path, to suggest the closest one for a typo. */
function allowedKeys(instancePath) {
    let node = CONFIG_SCHEMA;
    for (const part of instancePath.split('/').filter(Boolean)) {
        const props = node.properties;
        node = props?.[part];
    }
    const props = node?.properties;
    return props ? Object.keys(props) : [];
}
function editDistance(a, b) {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++)
        d[0][j] = j;
    for (let i = 1; i <= a.length; i++)
        for (let j = 1; j <= b.length; j++)
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
    return d[a.length][b.length];
}
function describe$1(e, source) {
    const where = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : '(top level)';
    if (e.keyword === 'additionalProperties') {
        const key = String(e.params.additionalProperty);
        const candidates = allowedKeys(e.instancePath);
        const best = candidates.map((c) => ({ c, d: editDistance(key, c) })).sort((x, y) => x.d - y.d)[0];
        const hint = best && best.d <= Math.max(2, Math.floor(key.length / 3)) ? ` (did you mean '${best.c}'?)` : '';
        const list = candidates.length ? ` Known keys: ${candidates.join(', ')}.` : '';
        return `${source}: unknown key '${key}' in ${where}${hint}.${list}`;
    }
    if (e.keyword === 'enum') {
        const allowed = e.params.allowedValues;
        return `${source}: ${where} must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`;
    }
    if (e.keyword === 'pattern' || e.keyword === 'anyOf') {
        const ex = where.endsWith('benchtime') ? " like '1s' or '1000x'" : where.endsWith('timeout') ? " like '10m'" : " like 0.1 or '10%'";
        return `${source}: ${where} has a value of the wrong form; write it${ex}`;
    }
    return `${source}: ${where} ${e.message ?? 'is invalid'}`;
}
/** Parses and validates a config file's text. Throws UsageError naming the file, line and key. */
function parseConfigText(text, source) {
    const doc = distExports.parseDocument(text, { prettyErrors: true });
    if (doc.errors.length > 0) {
        const e = doc.errors[0];
        const pos = e.linePos?.[0];
        throw new UsageError(`${source}${pos ? `:${pos.line}:${pos.col}` : ''}: not valid YAML: ${e.message.split('\n')[0]}`);
    }
    const value = doc.toJS() ?? {};
    if (typeof value !== 'object' || Array.isArray(value)) {
        throw new UsageError(`${source}: expected a mapping of settings (run, thresholds, statistics, ...), found ${Array.isArray(value) ? 'a list' : typeof value}`);
    }
    if (!validate(value)) {
        const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'type' || !(validate.errors ?? []).some((o) => o.keyword === 'anyOf' && o.instancePath === e.instancePath));
        throw new UsageError(errors.map((e) => describe$1(e, source)).join('\n'));
    }
    return value;
}
function toFraction(v, fallback) {
    if (v === undefined)
        return fallback;
    if (typeof v === 'number')
        return v;
    return Number(v.slice(0, -1)) / 100;
}
const DURATION_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
function parseDuration(text, what) {
    const m = /^([0-9]+(?:\.[0-9]+)?)(ms|s|m|h)$/.exec(text.trim());
    if (!m)
        throw new UsageError(`${what}: '${text}' is not a duration; write it like '90s' or '10m'`);
    return Number(m[1]) * DURATION_MS[m[2]];
}
function relAbs(file, d) {
    return { relative: toFraction(file?.relative, d.relative), absolute: file?.absolute ?? d.absolute };
}
function compareConfigFrom(file) {
    const d = DEFAULT_COMPARE;
    const t = file.thresholds ?? {};
    for (const re of file.ignore?.benchmarks ?? []) {
        try {
            new RegExp(re);
        }
        catch (err) {
            throw new UsageError(`ignore.benchmarks: '${re}' is not a valid regular expression (${err.message})`);
        }
    }
    return {
        thresholds: {
            time: { relative: toFraction(t.time?.relative, d.thresholds.time.relative) },
            custom: { relative: toFraction(t.custom?.relative, d.thresholds.custom.relative) },
            allocsPerOp: relAbs(t.allocsPerOp, d.thresholds.allocsPerOp),
            bytesPerOp: relAbs(t.bytesPerOp, d.thresholds.bytesPerOp),
            retainedBytesPerOp: relAbs(t.retainedBytesPerOp, d.thresholds.retainedBytesPerOp),
            gcPauseP99: relAbs(t.gcPauseP99, d.thresholds.gcPauseP99),
            gcCyclesPerOp: relAbs(t.gcCyclesPerOp, d.thresholds.gcCyclesPerOp)
        },
        statistics: { ...d.statistics, ...file.statistics },
        metricDirections: { ...d.metricDirections, ...file.metrics },
        ignoreBenchmarks: [...d.ignoreBenchmarks, ...(file.ignore?.benchmarks ?? [])],
        gcPauseSeverity: file.gc?.pauseSeverity ?? d.gcPauseSeverity
    };
}
function runConfigFrom(dir, file, overrides) {
    const r = file.run ?? {};
    const fromFile = {
        packages: r.packages,
        bench: r.bench,
        count: r.count,
        benchtime: r.benchtime,
        timeoutMs: r.timeout !== undefined ? parseDuration(r.timeout, 'run.timeout') : undefined,
        race: r.race
    };
    const pick = (k) => (overrides[k] ?? fromFile[k] ?? DEFAULT_RUN[k]);
    const packages = pick('packages');
    // Patterns go to go list and go test as arguments; one starting with '-' would be read as a flag.
    const flagLike = packages.find((p) => p.startsWith('-'));
    if (flagLike !== undefined)
        throw new UsageError(`package pattern '${flagLike}' starts with '-': give patterns like ./... or ./pkg/...`);
    return {
        dir,
        packages,
        bench: pick('bench'),
        count: pick('count'),
        benchtime: pick('benchtime'),
        timeoutMs: pick('timeoutMs'),
        race: pick('race')
    };
}
function testConfigFrom(file, overrides = {}) {
    const t = file.tests ?? {};
    const d = DEFAULT_TESTS;
    const duration = (v, what, fallback) => (v === undefined ? fallback : parseDuration(v, what));
    return {
        enabled: overrides.enabled ?? t.enabled ?? d.enabled,
        race: overrides.race ?? t.race ?? d.race,
        run: overrides.run ?? t.run ?? d.run,
        timeoutMs: overrides.timeoutMs ?? duration(t.timeout, 'tests.timeout', d.timeoutMs),
        settleMs: duration(t.settle, 'tests.settle', d.settleMs),
        narrowBudgetMs: duration(t.narrowBudget, 'tests.narrowBudget', d.narrowBudgetMs),
        raceBenchtime: t.raceBenchtime ?? d.raceBenchtime,
        ignore: [...d.ignore, ...(file.ignore?.goroutines ?? [])]
    };
}
function buildConfig(dir, file, overrides, tests = {}) {
    return { run: runConfigFrom(dir, file, overrides), compare: compareConfigFrom(file), tests: testConfigFrom(file, tests) };
}
const DEFAULT_CONFIG_FILES = ['.github/go-leak-gate.yml', 'go-leak-gate.yml', '.go-leak-gate.yml'];
/**
 * Reads the config file: the given path (which must exist), or the first default location found
 * under the module directory. Returns an empty config when there is none.
 */
async function readConfigFile(path, moduleDir) {
    const candidates = path ? [resolve$1(path)] : DEFAULT_CONFIG_FILES.map((f) => resolve$1(moduleDir, f));
    for (const c of candidates) {
        let text;
        try {
            text = await readFile(c, 'utf8');
        }
        catch (err) {
            if (path)
                throw new UsageError(`config file ${path} cannot be read: ${err.code ?? err.message}`);
            continue;
        }
        return { file: parseConfigText(text, c), source: c };
    }
    return { file: {} };
}

/** Incomplete beats fail: a verdict over half the packages must not read as a clean pass or fail. */
function exitCodeForReport(report) {
    if (report.incomplete)
        return EXIT.incomplete;
    return report.verdict === 'fail' ? EXIT.fail : EXIT.pass;
}
async function writeOutput(path, text) {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
}
function reportJson(report) {
    return JSON.stringify(report, null, 2) + '\n';
}

// `git diff -U0` output -> which base lines survive at which head line, and which head lines the change
// touched. Line numbers move whenever code is added above a site; without this map the same allocation
// in base and head would look like one site removed and another added.
const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
function unquote(path) {
    // git quotes unusual paths C-style; the prefixes a/ and b/ stay inside the quotes.
    if (path.startsWith('"') && path.endsWith('"')) {
        try {
            return JSON.parse(path);
        }
        catch {
            return path.slice(1, -1);
        }
    }
    return path;
}
function stripPrefix(path, prefix) {
    if (path === '/dev/null')
        return null;
    const p = unquote(path);
    return p.startsWith(prefix) ? p.slice(prefix.length) : p;
}
function parseUnifiedDiff(text) {
    const files = [];
    let current;
    for (const line of text.split('\n')) {
        if (line.startsWith('diff --git ')) {
            current = { oldPath: null, newPath: null, hunks: [] };
            files.push(current);
        }
        else if (!current) {
            continue;
        }
        else if (line.startsWith('--- ')) {
            current.oldPath = stripPrefix(line.slice(4).trimEnd(), 'a/');
        }
        else if (line.startsWith('+++ ')) {
            current.newPath = stripPrefix(line.slice(4).trimEnd(), 'b/');
        }
        else {
            const m = HUNK.exec(line);
            if (m) {
                current.hunks.push({
                    oldStart: Number(m[1]),
                    oldCount: m[2] === undefined ? 1 : Number(m[2]),
                    newStart: Number(m[3]),
                    newCount: m[4] === undefined ? 1 : Number(m[4])
                });
            }
        }
    }
    return files;
}
function lineMapFrom(diffs) {
    const byOld = new Map();
    const byNew = new Map();
    for (const d of diffs) {
        if (d.oldPath)
            byOld.set(d.oldPath, d);
        if (d.newPath)
            byNew.set(d.newPath, d);
    }
    return {
        toHead(file, line) {
            const d = byOld.get(file);
            if (!d)
                return line;
            if (!d.newPath)
                return undefined;
            let shift = 0;
            for (const h of d.hunks) {
                // With -U0 a pure insertion after line L has oldStart = L and oldCount = 0.
                const oldEnd = h.oldStart + h.oldCount - 1;
                if (h.oldCount > 0 && line >= h.oldStart && line <= oldEnd)
                    return undefined;
                const before = h.oldCount === 0 ? line > h.oldStart : line > oldEnd;
                if (before)
                    shift += h.newCount - h.oldCount;
            }
            return line + shift;
        },
        changedInHead(file, line) {
            const d = byNew.get(file);
            if (!d)
                return false;
            if (!d.oldPath)
                return true;
            return d.hunks.some((h) => h.newCount > 0 && line >= h.newStart && line < h.newStart + h.newCount);
        }
    };
}

async function git$2(run, cwd, args) {
    const r = await run({ argv: ['git', ...args], cwd, timeoutMs: 120_000 });
    return r.code === 0 ? r.stdout : undefined;
}
/**
 * Reads `git diff -U0 base head` in the module's repository; head 'worktree' diffs against the working
 * tree, which is what `gate` measured (uncommitted edits included). Returns undefined when a commit is
 * unknown there (a compare of results from elsewhere): attribution then matches sites by function.
 */
async function readSourceDiff(run, moduleDir, baseCommit, head) {
    if (!baseCommit || !head)
        return undefined;
    const prefix = await git$2(run, moduleDir, ['rev-parse', '--show-prefix']);
    if (prefix === undefined)
        return undefined;
    // Fixed prefixes and no external diff driver: the user's git config must not change the format.
    const text = await git$2(run, moduleDir, [
        'diff', '-U0', '--no-color', '--no-ext-diff', '--src-prefix=a/', '--dst-prefix=b/', baseCommit, ...(head === 'worktree' ? [] : [head]), '--'
    ]);
    if (text === undefined)
        return undefined;
    const map = lineMapFrom(parseUnifiedDiff(text));
    const dir = prefix.trim();
    return {
        toHead: (file, line) => map.toHead(dir + file, line),
        changedInHead: (file, line) => map.changedInHead(dir + file, line)
    };
}

const DEFAULT_MAX_OUTPUT = 64 * 1024 * 1024;
const TERM_GRACE_MS = 3_000;
const live = new Set();
let handlersInstalled = false;
function killGroup(pid, signal) {
    try {
        // Negative pid: the whole group, so a test binary's own children die with it.
        process.kill(-pid, signal);
    }
    catch {
        try {
            process.kill(pid, signal);
        }
        catch {
            // already gone
        }
    }
}
function installHandlers() {
    if (handlersInstalled)
        return;
    handlersInstalled = true;
    const killAll = () => {
        for (const pid of live)
            killGroup(pid, 'SIGKILL');
        live.clear();
    };
    process.once('exit', killAll);
    for (const sig of ['SIGINT', 'SIGTERM']) {
        process.once(sig, () => {
            killAll();
            process.exit(sig === 'SIGINT' ? 130 : 143);
        });
    }
}
class Capture {
    limit;
    chunks = [];
    size = 0;
    truncated = false;
    constructor(limit) {
        this.limit = limit;
    }
    push(chunk) {
        if (this.size >= this.limit) {
            this.truncated = true;
            return;
        }
        const room = this.limit - this.size;
        const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
        if (part.length < chunk.length)
            this.truncated = true;
        this.chunks.push(part);
        this.size += part.length;
    }
    text() {
        return Buffer.concat(this.chunks).toString('utf8');
    }
    /** Reads at most the limit from a file the child wrote. */
    pushFile(path) {
        let fd;
        try {
            fd = openSync(path, 'r');
            const size = fstatSync(fd).size;
            const buf = Buffer.alloc(Math.min(size, this.limit));
            readSync(fd, buf, 0, buf.length, 0);
            this.push(buf);
            if (size > this.limit)
                this.truncated = true;
        }
        catch {
            // nothing written
        }
        finally {
            if (fd !== undefined)
                closeSync(fd);
        }
    }
}
const runProcess = (spec) => {
    installHandlers();
    const started = performance.now();
    const limit = spec.maxOutputBytes ?? DEFAULT_MAX_OUTPUT;
    return new Promise((resolve) => {
        const out = new Capture(limit);
        const err = new Capture(limit);
        let timedOut = false;
        let spawnError;
        const [program, ...args] = spec.argv;
        const merged = spec.mergedOutputFile !== undefined ? openSync(spec.mergedOutputFile, 'w') : undefined;
        const child = spawn(program, args, {
            cwd: spec.cwd,
            env: spec.env ?? process.env,
            stdio: merged !== undefined ? ['ignore', merged, merged] : ['ignore', 'pipe', 'pipe'],
            detached: true
        });
        if (merged !== undefined)
            closeSync(merged);
        if (child.pid !== undefined)
            live.add(child.pid);
        let grace;
        const timer = spec.timeoutMs !== undefined
            ? setTimeout(() => {
                timedOut = true;
                const pid = child.pid;
                if (pid === undefined)
                    return;
                // A Go binary gets SIGQUIT (it prints every goroutine); anything else SIGTERM, so that a
                // program like our own CLI can stop its children, which live in process groups of their own.
                const first = spec.quitGraceMs !== undefined ? 'SIGQUIT' : 'SIGTERM';
                try {
                    process.kill(pid, first);
                }
                catch {
                    // already gone
                }
                grace = setTimeout(() => killGroup(pid, 'SIGKILL'), spec.quitGraceMs ?? TERM_GRACE_MS);
            }, spec.timeoutMs)
            : undefined;
        child.stdout?.on('data', (c) => out.push(c));
        child.stderr?.on('data', (c) => err.push(c));
        child.on('error', (e) => {
            spawnError = e;
        });
        child.on('close', (code, signal) => {
            if (timer)
                clearTimeout(timer);
            if (grace)
                clearTimeout(grace);
            if (child.pid !== undefined) {
                // The group may still hold grandchildren that kept running after the leader exited.
                killGroup(child.pid, 'SIGKILL');
                live.delete(child.pid);
            }
            if (spec.mergedOutputFile !== undefined)
                out.pushFile(spec.mergedOutputFile);
            resolve({
                argv: spec.argv,
                cwd: spec.cwd,
                code,
                signal,
                stdout: out.text(),
                stderr: err.text(),
                timedOut,
                truncated: out.truncated || err.truncated,
                wallMs: performance.now() - started,
                spawnError
            });
        });
    });
};
/** One line for messages: the exit code or signal, and whether we killed it. */
function describeExit(r) {
    if (r.spawnError)
        return `could not start ${r.argv[0]}: ${r.spawnError.message}`;
    if (r.timedOut)
        return `killed after the timeout`;
    if (r.signal)
        return `killed by ${r.signal}`;
    return `exit code ${r.code ?? '?'}`;
}

async function git$1(run, cwd, args) {
    const r = await run({ argv: ['git', ...args], cwd, timeoutMs: 300_000 });
    if (r.spawnError?.code === 'ENOENT')
        throw new RunError('git is not on PATH: the gate needs git to check out the base commit');
    return { ok: r.code === 0, out: r.stdout.trim(), err: r.stderr.trim() || describeExit(r) };
}
/** The commit a directory is checked out at, or undefined outside git. */
async function currentCommit(run, dir) {
    const r = await git$1(run, dir, ['rev-parse', 'HEAD']).catch(() => undefined);
    return r?.ok ? r.out : undefined;
}
/**
 * Checks the base commit out into a temporary git worktree, so base and head binaries can be built and
 * run side by side on this machine without touching the user's working tree.
 */
async function checkoutBase(run, moduleDir, ref) {
    const top = await git$1(run, moduleDir, ['rev-parse', '--show-toplevel']);
    if (!top.ok)
        throw new UsageError(`${moduleDir} is not inside a git repository, so base ref '${ref}' cannot be checked out`);
    const resolved = await git$1(run, moduleDir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
    if (!resolved.ok || !resolved.out) {
        throw new UsageError(`base ref '${ref}' does not exist in ${top.out}. In GitHub Actions, check out with 'fetch-depth: 0' (actions/checkout) so the base commit is present.`);
    }
    const commit = resolved.out;
    const parent = await mkdtemp(join(tmpdir(), 'glg-base-'));
    const wt = join(parent, 'base');
    const added = await git$1(run, top.out, ['worktree', 'add', '--detach', '--force', wt, commit]);
    if (!added.ok) {
        await rm(parent, { recursive: true, force: true });
        throw new RunError(`could not check out base commit ${commit.slice(0, 12)}: ${added.err}`);
    }
    return {
        commit,
        moduleDir: join(wt, relative$1(top.out, await realpath(moduleDir))),
        remove: async () => {
            await git$1(run, top.out, ['worktree', 'remove', '--force', wt]).catch(() => undefined);
            await rm(parent, { recursive: true, force: true });
            await git$1(run, top.out, ['worktree', 'prune']).catch(() => undefined);
        }
    };
}

/**
 * Test binaries are built with -trimpath, so a file in the module is named `module/path/file.go` on both
 * sides (the base lives in a temporary worktree); shown relative to the module root it matches the diff.
 */
function moduleRelative(file, modulePath) {
    return file.startsWith(modulePath + '/') ? file.slice(modulePath.length + 1) : file;
}
/** The same sites with module files named relative to the module root. */
function relativeSites(sites, modulePath) {
    return sites.map((s) => ({
        ...s,
        file: moduleRelative(s.file, modulePath),
        ...(s.caller ? { caller: { ...s.caller, file: moduleRelative(s.caller.file, modulePath) } } : {})
    }));
}
function siteKey(s, withLines) {
    const c = s.caller;
    const own = withLines ? `${s.function}\u0000${s.file}\u0000${s.line}` : `${s.function}\u0000${s.file}`;
    if (!c)
        return own;
    return own + (withLines ? `\u0000${c.function}\u0000${c.file}\u0000${c.line}` : `\u0000${c.function}`);
}
/** Base sites at the lines they have in head; a rewritten line gets -1 so it can never match a head line. */
function inHeadLines(runs, map) {
    const at = (file, line) => map(file, line) ?? -1;
    return runs.map((r) => ({
        iterations: r.iterations,
        sites: r.sites.map((s) => ({
            ...s,
            line: at(s.file, s.line),
            ...(s.caller ? { caller: { ...s.caller, line: at(s.caller.file, s.caller.line) } } : {})
        }))
    }));
}
/** Mean per-op value of every site over the runs (a site absent from a run counts as 0 there). */
function perOpBySite(runs, measure, withLines) {
    const out = new Map();
    const used = runs.filter((r) => r.iterations > 0);
    for (const run of used) {
        for (const s of run.sites) {
            const key = siteKey(s, withLines);
            const value = s[measure] / run.iterations / used.length;
            const entry = out.get(key) ?? { site: s, siteValue: 0, perOp: 0 };
            entry.perOp += value;
            if (value > entry.siteValue) {
                entry.site = s;
                entry.siteValue = value;
            }
            out.set(key, entry);
        }
    }
    return out;
}
/**
 * The allocation sites that grew most from base to head, per op: a diff of the two sides' memory
 * profiles (as `go tool pprof -diff_base` does, with the base negated), normalised by the iterations
 * each run did so that runs with different b.N compare. Returns the allocating frame and, when that
 * frame is in the standard library or a dependency, the first caller in the module too.
 *
 * Sites are matched by line when `mapBaseLine` says where base lines moved; without it they are matched
 * by function, because edits above a site shift its line and would make it look new.
 */
function attributeGrowth(base, head, measure, opts = {}) {
    const top = opts.top ?? 5;
    const withLines = opts.mapBaseLine !== undefined;
    const b = perOpBySite(opts.mapBaseLine ? inHeadLines(base, opts.mapBaseLine) : base, measure, withLines);
    const h = perOpBySite(head, measure, withLines);
    const deltas = [];
    for (const [key, { site, perOp }] of h) {
        const delta = perOp - (b.get(key)?.perOp ?? 0);
        if (delta > 0)
            deltas.push({ site, delta });
    }
    const total = deltas.reduce((n, d) => n + d.delta, 0);
    // Sampling puts small positive deltas on unrelated sites; keep those that explain a real share.
    const minShare = opts.minShare ?? 0.05;
    const picked = deltas
        .filter((d) => total > 0 && d.delta / total >= minShare)
        .sort((x, y) => y.delta - x.delta)
        .slice(0, top);
    const locations = [];
    for (const { site, delta } of picked) {
        const deltaUnit = measure === 'allocObjects' ? 'objects' : 'B';
        locations.push({ file: site.file, line: site.line, function: site.function, role: 'allocation', deltaPerOp: delta, deltaUnit });
        if (site.caller) {
            locations.push({ ...site.caller, role: 'caller', deltaPerOp: delta, deltaUnit });
        }
    }
    return locations;
}

// Report: the comparison of a base and a head RunResult. Written as report.json; a published contract.
const REPORT_SCHEMA_VERSION = 1;

// The statistics benchstat uses to compare two samples of benchmark measurements, so the gate and a user's
// own benchstat run agree: medians as the summary, a two-sided Mann-Whitney U test for "did it change", plus the
// multiple-comparison control (Benjamini-Hochberg) that benchstat lacks and a merge gate needs.
//
// The U test follows github.com/aclements/go-moremath/stats (called by golang.org/x/perf/benchmath, which
// benchstat uses): the exact permutation distribution of U up to 50 values per side, or up to 25 when any
// value is tied (the distribution then depends on the tie pattern and costs more to count); beyond that, the
// normal approximation with tie and continuity correction. It departs from go-moremath in three places:
//   - p is capped at 1. Doubling a one-sided tail of a lopsided tied distribution can exceed 1
//     (go-moremath gives 4/3 for [1] vs [1, 5]).
//   - With ties and unequal sizes, go-moremath evaluates min(U1, U2) under the first sample's distribution
//     of U even when the smaller U belongs to the second sample; that distribution differs from the
//     second's, so its p changes when the samples are swapped. Here the tail is taken under the distribution
//     of the sample whose U is smaller, which is what go-moremath computes whenever that is the first sample.
//     With equal sizes or without ties both distributions are the same and the answers agree.
//   - In the normal approximation go-moremath computes the upper tail as 1 - Phi(z), which cancels to 0 for
//     large z; the tail here is erfc(|z| / sqrt 2) either way. The difference stays below 1e-15.
// go-moremath's MannWhitneyExactLimit and MannWhitneyTiesExactLimit: where benchstat stops using the exact
// distribution. Keeping them makes the gate's p-values those a user gets from benchstat.
const EXACT_LIMIT = 50;
const EXACT_LIMIT_WITH_TIES = 25;
/** Arithmetic mean; NaN for an empty sample. */
function mean(xs) {
    if (xs.length === 0)
        return Number.NaN;
    let sum = 0;
    for (const x of xs)
        sum += x;
    return sum / xs.length;
}
/**
 * The sample median (the mean of the two middle values for an even count): benchstat's summary statistic.
 * Equals quantile(xs, 0.5). NaN for an empty sample.
 */
function median(xs) {
    const sorted = sortedCopy(xs, 'median');
    const n = sorted.length;
    if (n === 0)
        return Number.NaN;
    const mid = Math.floor(n / 2);
    if (n % 2 === 1)
        return sorted[mid];
    return interpolate(sorted[mid - 1], sorted[mid], 0.5);
}
/**
 * The q-quantile (0 <= q <= 1) by Hyndman and Fan's definition 8, the one go-moremath's Sample.Quantile uses:
 * position h = (n + 1/3) q + 1/3 in the sorted sample (1-based), interpolated linearly between neighbours and
 * clamped to the smallest and largest value. It is approximately median-unbiased whatever the distribution,
 * which matters for skewed samples like GC pauses, and it never extrapolates beyond the observed values, so
 * the p99 of up to 66 pauses is the largest pause rather than an invented one. NaN for an empty
 * sample.
 */
function quantile(xs, q) {
    if (!(q >= 0 && q <= 1))
        throw new RangeError(`quantile: q must be between 0 and 1, got ${q}`);
    const sorted = sortedCopy(xs, 'quantile');
    const n = sorted.length;
    if (n === 0)
        return Number.NaN;
    const h = 1 / 3 + q * (n + 1 / 3);
    const k = Math.floor(h);
    if (k <= 0)
        return sorted[0];
    if (k >= n)
        return sorted[n - 1];
    return interpolate(sorted[k - 1], sorted[k], h - k);
}
/**
 * Two-sided Mann-Whitney U test of a against b, as benchstat computes it (see the top of this file for the
 * three places it departs). An empty side or samples whose values are all the same give p = 1: there is no
 * ordering to test, and benchstat reports those as unchanged too.
 */
function mannWhitneyU(a, b) {
    const first = sortedCopy(a, 'mannWhitneyU');
    const second = sortedCopy(b, 'mannWhitneyU');
    const n1 = first.length;
    const n2 = second.length;
    if (n1 === 0 || n2 === 0)
        return { u: 0, pValue: 1, exact: true };
    const { twoU, ties } = rankSamples(first, second);
    const u = twoU / 2;
    if (ties.length === 1)
        return { u, pValue: 1, exact: true };
    const hasTies = ties.length < n1 + n2;
    const limit = hasTies ? EXACT_LIMIT_WITH_TIES : EXACT_LIMIT;
    if (n1 > limit || n2 > limit) {
        return { u, pValue: normalApproximationP(n1, n2, u, tieCorrection(ties)), exact: false };
    }
    // At the centre, n1 n2 / 2, every possible U is at least as far out: nothing points either way.
    const twoU2 = 2 * n1 * n2 - twoU;
    if (twoU === twoU2)
        return { u, pValue: 1, exact: true };
    const tail = twoU < twoU2 ? lowerTail(n1, n2, ties, hasTies, twoU) : lowerTail(n2, n1, ties, hasTies, twoU2);
    return { u, pValue: Math.min(1, 2 * tail), exact: true };
}
/**
 * Benjamini-Hochberg adjusted p-values (q-values), in the order of the input. Flagging every comparison whose
 * q-value is at most alpha keeps the expected share of false alarms among the flagged ones at or below alpha,
 * however many benchmarks are compared (when the tests are independent or positively dependent). Each
 * q-value is min over j >= rank of (m p_(j) / j), capped at 1, so the q-values are monotone in the p-values.
 */
function benjaminiHochberg(pValues) {
    const m = pValues.length;
    pValues.forEach((p, i) => {
        if (!(p >= 0 && p <= 1))
            throw new RangeError(`benjaminiHochberg: p-value ${i} is ${p}, not in [0, 1]`);
    });
    const order = pValues.map((_, i) => i).sort((i, j) => pValues[i] - pValues[j]);
    const adjusted = new Array(m);
    let smallestAbove = 1;
    for (let rank = m; rank >= 1; rank--) {
        const i = order[rank - 1];
        smallestAbove = Math.min(smallestAbove, (pValues[i] * m) / rank);
        adjusted[i] = smallestAbove;
    }
    return adjusted;
}
/**
 * The smallest p-value mannWhitneyU can return for samples of n1 and n2 values: that of two fully separated
 * samples without ties. While the exact distribution is used that is 2 / C(n1 + n2, n1), so with 4 values
 * per side p cannot go below 2/70 ~ 0.029 and with 3 per side not below 0.1: fewer samples can never show a
 * change at alpha 0.05.
 */
function minimumPossibleP(n1, n2) {
    for (const n of [n1, n2]) {
        if (!Number.isInteger(n) || n < 0) {
            throw new RangeError(`minimumPossibleP: sample sizes must be counts, got ${n}`);
        }
    }
    if (n1 === 0 || n2 === 0)
        return 1;
    if (n1 > EXACT_LIMIT || n2 > EXACT_LIMIT)
        return normalApproximationP(n1, n2, 0, 0);
    return Math.min(1, 2 / choose(n1 + n2, n1));
}
function sortedCopy(xs, caller) {
    const sorted = Float64Array.from(xs);
    // NaN has no place in an ordering: sorting would silently put it somewhere and every rank after it would
    // be wrong. It can only come from a parser bug upstream.
    const nan = sorted.findIndex(Number.isNaN);
    if (nan >= 0)
        throw new RangeError(`${caller}: value ${nan} is NaN`);
    return sorted.sort();
}
// Written as lo + frac (hi - lo), as go-moremath does, so results agree to the last bit where possible.
function interpolate(lo, hi, frac) {
    return lo + frac * (hi - lo);
}
/**
 * Pools two sorted samples. Returns twice the first sample's U (an integer even with ties, which count half)
 * and the sizes of the groups of equal values in ascending order: with the sample sizes, all that the
 * distribution of U depends on.
 */
function rankSamples(first, second) {
    const ties = [];
    let twoU = 0;
    let i = 0;
    let j = 0;
    while (i < first.length || j < second.length) {
        const value = j >= second.length || (i < first.length && first[i] < second[j]) ? first[i] : second[j];
        const secondBelow = j;
        let inFirst = 0;
        let inSecond = 0;
        while (i < first.length && first[i] === value) {
            i++;
            inFirst++;
        }
        while (j < second.length && second[j] === value) {
            j++;
            inSecond++;
        }
        twoU += inFirst * (2 * secondBelow + inSecond);
        ties.push(inFirst + inSecond);
    }
    return { twoU, ties };
}
/** The sum of t^3 - t over the groups of tied values, which shrinks the variance of U. */
function tieCorrection(ties) {
    let sum = 0;
    for (const t of ties)
        sum += t * t * t - t;
    return sum;
}
/**
 * P(U <= twoU / 2) for a sample of n values against one of m values, given the pooled tie groups. Without
 * ties the distribution depends only on the sizes and is read from a memoised table; with ties it is
 * counted for this tie pattern.
 */
function lowerTail(n, m, ties, hasTies, twoU) {
    if (!hasTies)
        return untiedLowerTail(n, m)[twoU / 2];
    const counts = countTwoU(n, ties, twoU);
    let sum = 0;
    for (const c of counts)
        sum += c;
    return sum / choose(n + m, n);
}
const untiedTables = new Map();
/**
 * table[u] = P(U <= u) for u up to n m / 2 (the lower half is all a two-sided test needs), for samples of n
 * and m distinct values. The distribution is the same with n and m swapped, so one table serves both.
 */
function untiedLowerTail(n, m) {
    const small = Math.min(n, m);
    const large = Math.max(n, m);
    const key = `${small},${large}`;
    const cached = untiedTables.get(key);
    if (cached !== undefined)
        return cached;
    const half = Math.floor((small * large) / 2);
    const counts = countTwoU(small, new Array(small + large).fill(1), 2 * half);
    const total = choose(small + large, small);
    const table = new Float64Array(half + 1);
    let sum = 0;
    for (let u = 0; u <= half; u++) {
        sum += counts[2 * u];
        table[u] = sum / total;
    }
    untiedTables.set(key, table);
    return table;
}
/**
 * counts[s] for s = 0..cap: the number of ways to choose which n of the pooled values belong to the sample
 * whose U is being counted such that 2U = s. Walks the tie groups in ascending order, keeping for each count
 * j of that sample's values placed so far how many placements give each partial 2U. Putting r of a group of
 * t into the sample (C(t, r) ways) adds, for each of those r, twice the other sample's values below the
 * group plus its t - r values tied with it. Every step adds a non-negative amount, so partial sums above cap
 * can be dropped: the table stays (n + 1) x (cap + 1) however many groups there are. It counts what Klotz
 * (1966) and Cheung and Klotz (1997) count, the method go-moremath implements with memo maps.
 */
function countTwoU(n, ties, cap) {
    let pooled = 0;
    for (const t of ties)
        pooled += t;
    const m = pooled - n;
    const width = cap + 1;
    let current = new Float64Array((n + 1) * width);
    let next = new Float64Array((n + 1) * width);
    // reach[j]: the largest partial 2U with a non-zero count for j placed values, so loops skip empty cells.
    let reach = new Int32Array(n + 1).fill(-1);
    let nextReach = new Int32Array(n + 1);
    current[0] = 1;
    reach[0] = 0;
    let seen = 0;
    for (const t of ties) {
        next.fill(0);
        nextReach.fill(-1);
        const ways = binomialRow(t);
        for (let j = Math.max(0, seen - m); j <= Math.min(n, seen); j++) {
            if (reach[j] < 0)
                continue;
            const otherBelow = seen - j;
            const rFrom = Math.max(0, seen + t - j - m);
            const rTo = Math.min(t, n - j);
            for (let r = rFrom; r <= rTo; r++) {
                const step = r * (2 * otherBelow + t - r);
                const last = Math.min(reach[j], cap - step);
                if (last < 0)
                    continue;
                const w = ways[r];
                const from = j * width;
                const to = (j + r) * width + step;
                for (let s = 0; s <= last; s++)
                    next[to + s] += w * current[from + s];
                nextReach[j + r] = Math.max(nextReach[j + r], last + step);
            }
        }
        [current, next] = [next, current];
        [reach, nextReach] = [nextReach, reach];
        seen += t;
    }
    return current.subarray(n * width, (n + 1) * width);
}
function binomialRow(t) {
    const row = new Float64Array(t + 1);
    row[0] = 1;
    for (let r = 1; r <= t; r++)
        row[r] = (row[r - 1] * (t - r + 1)) / r;
    return row;
}
/** C(n, k) as a float, within a few ulps; only ever needed up to C(100, 50). */
function choose(n, k) {
    const kk = Math.min(k, n - k);
    let c = 1;
    for (let i = 1; i <= kk; i++)
        c = (c * (n - kk + i)) / i;
    return c;
}
/**
 * The normal approximation to the two-sided p-value, with go-moremath's tie and continuity corrections:
 * variance n1 n2 ((N + 1) - sum(t^3 - t) / (N (N - 1))) / 12, and |U - n1 n2 / 2| reduced by 1/2.
 */
function normalApproximationP(n1, n2, u, tieSum) {
    const pooled = n1 + n2;
    const sigma = Math.sqrt((n1 * n2 * (pooled + 1 - tieSum / (pooled * (pooled - 1)))) / 12);
    if (!(sigma > 0))
        return 1;
    let deviation = u - (n1 * n2) / 2;
    deviation -= Math.sign(deviation) * 0.5;
    return erfc(Math.abs(deviation / sigma) / Math.SQRT2);
}
const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
/**
 * erfc(x) for x >= 0, within 4e-13 relative of Go's math.Erfc up to x = 27 where it underflows, so the far
 * tail that GC pause samples with thousands of values reach keeps its precision. JavaScript has no erf, and
 * the tail cannot come from 1 - erf.
 */
function erfc(x) {
    if (x < 2)
        return 1 - erfSeries(x);
    return erfcContinuedFraction(x);
}
// erf(x) = 2/sqrt(pi) e^(-x^2) sum_k 2^k x^(2k+1) / (1 * 3 * ... * (2k+1)): all terms positive, so no
// cancellation, and for x < 2 erfc = 1 - erf loses at most a factor 1/erfc(2) ~ 200 in relative precision.
function erfSeries(x) {
    const twoXSquared = 2 * x * x;
    let term = x;
    let sum = x;
    for (let k = 1; term > sum * 1e-17; k++) {
        term *= twoXSquared / (2 * k + 1);
        sum += term;
    }
    return TWO_OVER_SQRT_PI * Math.exp(-x * x) * sum;
}
// erfc(x) = e^(-x^2) / sqrt(pi) / (x + (1/2) / (x + 1 / (x + (3/2) / (x + ...)))), evaluated front to back by
// Lentz's method; it converges in a few dozen terms for x >= 2 and faster further out.
function erfcContinuedFraction(x) {
    const tiny = 1e-300;
    let f = x;
    let c = x;
    let d = 0;
    for (let k = 1; k < 1000; k++) {
        const a = k / 2;
        d = x + a * d;
        d = d === 0 ? 1 / tiny : 1 / d;
        c = x + a / c;
        if (c === 0)
            c = tiny;
        const delta = c * d;
        f *= delta;
        if (Math.abs(delta - 1) < 1e-16)
            break;
    }
    return (TWO_OVER_SQRT_PI / 2) * Math.exp(-x * x) / f;
}

const METHOD = {
    statistical: 'mann-whitney',
    threshold: 'threshold',
    'threshold+test': 'threshold+mann-whitney',
    info: 'none'
};
function relativeChange(base, head) {
    if (base === null || head === null || base === 0)
        return null;
    return (head - base) / Math.abs(base);
}
/** Positive when head is worse, in the metric's own units. */
function worsening(base, head, lowerIsBetter) {
    return lowerIsBetter ? head - base : base - head;
}
function fmt(x) {
    if (Number.isInteger(x) || Math.abs(x) >= 100)
        return String(Math.round(x));
    return x.toPrecision(3);
}
function pct(x) {
    return `${(x * 100).toFixed(1)}%`;
}
function judgeMetric(input, stats) {
    const { base, head, rule, lowerIsBetter } = input;
    const baseMedian = base.length ? median(base) : null;
    const headMedian = head.length ? median(head) : null;
    const out = {
        metric: input.metric,
        unit: input.unit,
        lowerIsBetter,
        baseSamples: base,
        headSamples: head,
        baseMedian,
        headMedian,
        change: relativeChange(baseMedian, headMedian),
        pValue: null,
        status: 'not-judged',
        method: METHOD[rule.mode],
        reason: ''
    };
    if (baseMedian === null || headMedian === null) {
        out.reason = 'no samples on one side';
        return out;
    }
    if (rule.mode === 'info') {
        out.reason = 'informational';
        return out;
    }
    if (lowerIsBetter === null) {
        out.reason = `direction of '${input.unit}' unknown: declare it in metricDirections to judge it`;
        return out;
    }
    const enough = base.length >= stats.minSamples && head.length >= stats.minSamples;
    if (enough || rule.mode === 'statistical') {
        out.pValue = base.length && head.length ? mannWhitneyU(base, head).pValue : null;
    }
    const worse = worsening(baseMedian, headMedian, lowerIsBetter);
    const rel = baseMedian === 0 ? (worse > 0 ? Infinity : worse < 0 ? -Infinity : 0) : worse / Math.abs(baseMedian);
    if (rule.mode === 'statistical') {
        if (!enough) {
            const best = minimumPossibleP(base.length, head.length);
            out.reason = `${base.length} vs ${head.length} samples: at least ${stats.minSamples} per side are needed (best reachable p=${best.toPrecision(2)})`;
            return out;
        }
        const p = out.pValue ?? 1;
        if (p > stats.alpha) {
            out.status = 'unchanged';
            out.reason = `not significant (p=${p.toPrecision(2)} > ${stats.alpha})`;
        }
        else if (Math.abs(rel) < rule.relative) {
            out.status = 'unchanged';
            out.reason = `significant but ${pct(Math.abs(rel))} is under the ${pct(rule.relative)} minimum effect`;
        }
        else {
            out.status = rel > 0 ? 'regression' : 'improvement';
            out.reason = `${pct(Math.abs(rel))} ${rel > 0 ? 'worse' : 'better'}, p=${p.toPrecision(2)}`;
        }
        return out;
    }
    const { relative, absolute } = rule.limits;
    const crosses = (delta, r) => delta > 0 && delta >= absolute && r > relative;
    if (crosses(worse, rel) || crosses(-worse, -rel)) {
        const direction = worse > 0 ? 'regression' : 'improvement';
        if (rule.mode === 'threshold+test' && enough && (out.pValue ?? 1) > stats.alpha) {
            out.status = 'unchanged';
            out.reason = `median moved ${fmt(headMedian - baseMedian)} but not significantly (p=${(out.pValue ?? 1).toPrecision(2)})`;
            return out;
        }
        out.status = direction;
        out.reason = `median ${fmt(baseMedian)} -> ${fmt(headMedian)} crosses ${pct(relative)} and ${fmt(absolute)} ${input.unit}`;
        if (rule.mode === 'threshold+test' && !enough)
            out.reason += ` (too few samples for a test: judged on thresholds alone)`;
        return out;
    }
    out.status = 'unchanged';
    out.reason = `within ${pct(relative)} / ${fmt(absolute)} ${input.unit}`;
    return out;
}
/**
 * Benjamini-Hochberg over every statistically judged comparison: with 80 benchmarks at alpha 0.05 an
 * unchanged code base would otherwise show about four "significant" timing changes per run.
 */
function controlFalseDiscoveries(family, stats, adjust) {
    if (stats.correction === 'none')
        return;
    // The family is every test that was run, significant or not: adjusting only the winners would undo the point.
    const judged = family.filter((c) => c.pValue !== null && c.status !== 'not-judged');
    if (judged.length < 2)
        return;
    const q = adjust(judged.map((c) => c.pValue ?? 1));
    judged.forEach((c, i) => {
        if (q[i] > stats.alpha && (c.status === 'regression' || c.status === 'improvement')) {
            c.status = 'unchanged';
            c.reason = `p=${(c.pValue ?? 1).toPrecision(2)} but q=${q[i].toPrecision(2)} > ${stats.alpha} after controlling for ${judged.length} comparisons (Benjamini-Hochberg)`;
        }
        else if (c.status === 'regression' || c.status === 'improvement') {
            c.reason += `, q=${q[i].toPrecision(2)}`;
        }
    });
}

// A GC-per-op figure from a run that saw only a couple of cycles is mostly rounding.
const MIN_MEASURED_CYCLES = 3;
function pooledPauses(runs) {
    return runs.flatMap((r) => r.gc.stwPausesMs);
}
function pauseQuantile(metric, q, base, head) {
    const b = base.length ? quantile(base, q) : null;
    const h = head.length ? quantile(head, q) : null;
    return {
        metric,
        unit: 'ms',
        lowerIsBetter: true,
        baseSamples: [],
        headSamples: [],
        baseMedian: b,
        headMedian: h,
        change: relativeChange(b, h),
        pValue: null,
        status: 'not-judged',
        method: 'none',
        reason: 'informational'
    };
}
/**
 * Stop-the-world pause distribution (p50, p99, max) pooled over all runs of a benchmark, and GC cycles
 * per op in the measured b.N run. Only p99 and cycles/op are judged: max is one sample and p50 hides
 * exactly the tail that users feel.
 */
function compareGc(baseRuns, headRuns, cfg) {
    const base = pooledPauses(baseRuns);
    const head = pooledPauses(headRuns);
    const p50 = pauseQuantile('gc pause p50', 0.5, base, head);
    const max = pauseQuantile('gc pause max', 1, base, head);
    const p99 = pauseQuantile('gc pause p99', 0.99, base, head);
    const { relative, absolute } = cfg.thresholds.gcPauseP99;
    if (p99.baseMedian !== null && p99.headMedian !== null && base.length >= 10 && head.length >= 10) {
        const delta = p99.headMedian - p99.baseMedian;
        const rel = p99.baseMedian > 0 ? delta / p99.baseMedian : delta > 0 ? Infinity : 0;
        // Pauses within one process are not independent; the test only guards against a p99 moved by
        // a handful of outliers when the distributions are otherwise the same.
        p99.pValue = mannWhitneyU(base, head).pValue;
        p99.method = 'threshold+mann-whitney';
        if (delta > absolute && rel > relative && p99.pValue <= cfg.statistics.alpha) {
            p99.status = 'regression';
            p99.reason = `p99 pause ${p99.baseMedian.toPrecision(3)} -> ${p99.headMedian.toPrecision(3)} ms over ${base.length}/${head.length} pauses`;
        }
        else {
            p99.status = 'unchanged';
            p99.reason = `within ${Math.round(relative * 100)}% / ${absolute} ms or not significant`;
        }
    }
    else if (p99.baseMedian !== null && p99.headMedian !== null) {
        p99.reason = `too few GC pauses to judge (${base.length} vs ${head.length}; 10 per side needed)`;
    }
    const perOp = (runs) => runs.filter((r) => r.iterations > 0).map((r) => r.gc.measuredCycles / r.iterations);
    const cycles = judgeMetric({
        metric: 'gc cycles/op',
        unit: 'cycles/op',
        lowerIsBetter: true,
        base: perOp(baseRuns),
        head: perOp(headRuns),
        rule: { mode: 'threshold+test', limits: cfg.thresholds.gcCyclesPerOp }
    }, cfg.statistics);
    const measured = (runs) => Math.max(0, ...runs.map((r) => r.gc.measuredCycles));
    if (measured(baseRuns) < MIN_MEASURED_CYCLES && measured(headRuns) < MIN_MEASURED_CYCLES) {
        cycles.status = 'not-judged';
        cycles.reason = `fewer than ${MIN_MEASURED_CYCLES} GC cycles in the measured runs`;
    }
    return [p50, p99, max, cycles];
}

const RETAINED_METRIC = 'retained heap';
/** Whether lower is better for a unit; null when the gate cannot know (and so does not judge it). */
function unitDirection(unit, declared) {
    const d = declared[unit];
    if (d)
        return d === 'lower';
    if (unit === 'ns/op' || unit === 'B/op' || unit === 'allocs/op')
        return true;
    // Throughput: anything per second.
    if (/\/s$/.test(unit))
        return false;
    // Cost per unit of work: time, bytes or allocations per something.
    if (/^(ns|us|µs|ms|s|sec|B|KB|KiB|MB|MiB|bytes|allocs)\//.test(unit))
        return true;
    return null;
}
function ruleFor(unit, cfg) {
    const t = cfg.thresholds;
    if (unit === 'ns/op')
        return { mode: 'statistical', relative: t.time.relative };
    if (unit === 'allocs/op')
        return { mode: 'threshold', limits: t.allocsPerOp };
    if (unit === 'B/op')
        return { mode: 'threshold', limits: t.bytesPerOp };
    return { mode: 'statistical', relative: t.custom.relative };
}
function unitsOf(runs) {
    const units = new Set();
    for (const r of runs)
        for (const u of Object.keys(r.metrics))
            units.add(u);
    return [...units];
}
const UNIT_ORDER = ['ns/op', 'B/op', 'allocs/op', 'MB/s'];
function byUnitOrder(a, b) {
    const ia = UNIT_ORDER.indexOf(a);
    const ib = UNIT_ORDER.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
}
/** Fallback for results without the probe: sampled in-use bytes at exit divided by the ops. */
function retainedPerOp(runs) {
    return runs.filter((r) => r.heap && r.iterations > 0).map((r) => (r.heap?.inuseBytes ?? 0) / r.iterations);
}
/**
 * Live-heap growth per op, one sample per full run: (live heap after N ops - live heap after N/4 ops) /
 * (N - N/4), with the small runs averaged into one point. A warm-up (a cache filled once, a pool, a lazy
 * table) is the same at both sizes and cancels; memory kept per op does not. Undefined without probe data.
 */
function heapGrowthPerOp(b) {
    const small = (b.smallRuns ?? []).filter((r) => r.live && r.iterations > 0);
    const full = b.runs.filter((r) => r.live);
    if (small.length === 0 || full.length === 0)
        return undefined;
    const smallLive = mean(small.map((r) => r.live?.heapBytes ?? 0));
    const smallOps = mean(small.map((r) => r.iterations));
    const samples = full.filter((r) => r.iterations > smallOps).map((r) => ((r.live?.heapBytes ?? 0) - smallLive) / (r.iterations - smallOps));
    return samples.length > 0 ? samples : undefined;
}
function retainedMetric(base, head, cfg) {
    const bg = heapGrowthPerOp(base);
    const hg = heapGrowthPerOp(head);
    const growth = bg !== undefined && hg !== undefined;
    const m = judgeMetric({
        metric: RETAINED_METRIC,
        unit: 'B/op',
        lowerIsBetter: true,
        base: growth ? bg : retainedPerOp(base.runs),
        head: growth ? hg : retainedPerOp(head.runs),
        rule: { mode: 'threshold+test', limits: cfg.thresholds.retainedBytesPerOp }
    }, cfg.statistics);
    // Growth is ~0 on an unchanged side (and may come out slightly negative): a ratio to it means nothing.
    if (m.baseMedian !== null && Math.abs(m.baseMedian) < 1)
        m.change = null;
    m.reason += growth
        ? ' (live heap growth per op between b.N/4 and b.N)'
        : ' (in-use heap at exit / b.N: no probe data, so a one-off warm-up is not told apart)';
    return m;
}
/** Every metric of one benchmark present on both sides. The caller applies the multiple-comparison control. */
function compareBenchmark(pkg, base, head, cfg) {
    const metrics = [];
    const units = [...new Set([...unitsOf(base.runs), ...unitsOf(head.runs)])].sort(byUnitOrder);
    for (const unit of units) {
        const samples = (runs) => runs.map((r) => r.metrics[unit]).filter((v) => typeof v === 'number');
        metrics.push(judgeMetric({
            metric: unit,
            unit,
            lowerIsBetter: unitDirection(unit, cfg.metricDirections),
            base: samples(base.runs),
            head: samples(head.runs),
            rule: ruleFor(unit, cfg)
        }, cfg.statistics));
    }
    metrics.push(retainedMetric(base, head, cfg));
    metrics.push(...compareGc(base.runs, head.runs, cfg));
    return { pkg, benchmark: base.name, metrics };
}
/** The comparisons whose verdict rests on a significance test: the family for false-discovery control. */
function isStatistical(m) {
    return m.method === 'mann-whitney';
}

/**
 * Splits captured output into lines. Go writes `\n`; `\r\n` is tolerated for files that passed
 * through other tools. A last line without a newline is kept: a process that died mid-write leaves one.
 */
function splitLines(text) {
    const lines = text.split('\n');
    if (lines.length > 0 && lines[lines.length - 1] === '')
        lines.pop();
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        if (line.endsWith('\r'))
            lines[i] = line.slice(0, -1);
    }
    return lines;
}
/**
 * A record whose keys come from the code under test (units, config keys): without a prototype, a
 * key such as `__proto__` is stored like any other instead of being swallowed.
 */
function emptyRecord() {
    return Object.create(null);
}

/**
 * Whether a Go function belongs to the module. Go qualifies functions by import path, so the module
 * path must be followed by `.` (a function of the root package), `/` (a package below it) or
 * `_test.` (the root package's external test package); a bare prefix test would put
 * `example.com/modx` inside `example.com/mod`.
 */
function inModule(fn, modulePath) {
    if (modulePath === '' || !fn.startsWith(modulePath))
        return false;
    const rest = fn.slice(modulePath.length);
    return rest.startsWith('.') || rest.startsWith('/') || rest.startsWith('_test.');
}
/**
 * Whether a Go function is in the standard library (or the runtime's own frames such as `panic`).
 * Standard import paths have no dot in their first element (`runtime`, `net/http`,
 * `internal/strconv`); module paths nearly always do (`github.com/...`). A module whose path has no
 * dot is misjudged as standard: callers that know the module path should ask inModule instead.
 */
function isStandardLibrary(fn) {
    const slash = fn.indexOf('/');
    const dot = fn.indexOf('.');
    let first;
    if (slash >= 0)
        first = fn.slice(0, slash);
    else if (dot >= 0)
        first = fn.slice(0, dot);
    else
        first = fn;
    return !first.includes('.');
}
/**
 * The top-level benchmark a Go function belongs to: `BenchmarkSizes` for
 * `example.com/mod.BenchmarkSizes.func1`. Sub-benchmark names are not in function names.
 */
function benchmarkOfFunction(fn) {
    const lastElement = fn.slice(fn.lastIndexOf('/') + 1);
    // Go only treats a function as a benchmark when no lower-case letter follows "Benchmark".
    const match = /\.(Benchmark(?!\p{Ll})[^.]*)/u.exec(lastElement);
    return match === null ? undefined : match[1];
}

const CRASH_START = /^(panic|fatal error): (.*)$/;
const GOROUTINE_HEADER = /^goroutine \d+\b.*:$/;
const FRAME_FILE = /^\t(.+):(\d+)(?: \+0x[0-9a-f]+)?/;
const CALL_ARGS = /^(.*)\([^()]*\)$/;
function isCrashStart(line) {
    return CRASH_START.test(line);
}
/** Reads a crash starting at lines[start]; `next` is the first line after the crashing goroutine's stack. */
function readCrash(lines, start) {
    const head = CRASH_START.exec(lines[start]);
    const kind = head !== null && head[1] === 'fatal error' ? 'fatal error' : 'panic';
    const valueLines = [head === null ? lines[start] : head[2]];
    let i = start + 1;
    while (i < lines.length && lines[i] !== '' && !GOROUTINE_HEADER.test(lines[i])) {
        valueLines.push(lines[i].trim());
        i++;
    }
    while (i < lines.length && lines[i] === '')
        i++;
    const frames = [];
    if (i < lines.length && GOROUTINE_HEADER.test(lines[i])) {
        i++;
        while (i < lines.length && lines[i] !== '' && !lines[i].startsWith('created by ')) {
            const call = CALL_ARGS.exec(lines[i]);
            const file = i + 1 < lines.length ? FRAME_FILE.exec(lines[i + 1]) : null;
            if (call !== null && file !== null) {
                frames.push({ function: call[1], file: file[1], line: Number(file[2]) });
                i += 2;
            }
            else {
                // "...additional frames elided..." and anything else that is not a frame pair.
                i++;
            }
        }
        if (i < lines.length && lines[i].startsWith('created by '))
            i += 2;
    }
    return { crash: { kind, value: valueLines.join('\n'), frames }, next: Math.min(i, lines.length) };
}
/**
 * The frame a reader wants to look at: the innermost frame of the module when its path is known,
 * else the innermost frame outside the standard library (so a panic raised by strings.Repeat points
 * at the user's call, not into strings).
 */
function firstUserFrame(frames, modulePath) {
    if (modulePath !== undefined && modulePath !== '') {
        const own = frames.find((f) => inModule(f.function, modulePath));
        if (own !== undefined)
            return own;
    }
    return frames.find((f) => !isStandardLibrary(f.function));
}
/**
 * The benchmark that crashed, from its stack: the frame testing's runN called is the benchmark
 * function (or, for a sub-benchmark, its closure, which names only the top-level benchmark).
 */
function crashedBenchmark(crash) {
    const runN = crash.frames.findIndex((f) => f.function === 'testing.(*B).runN');
    if (runN > 0) {
        const name = benchmarkOfFunction(crash.frames[runN - 1].function);
        if (name !== undefined)
            return name;
    }
    for (let i = crash.frames.length - 1; i >= 0; i--) {
        const name = benchmarkOfFunction(crash.frames[i].function);
        if (name !== undefined)
            return name;
    }
    return undefined;
}

const RESULT_START = /^Benchmark(?!\p{Ll})/u;
const CONFIG_LINE = /^(\p{Ll}[^\s\p{Lu}:]*):(?:[ \t]+(.*))?$/u;
const FAIL_HEADER = /^--- FAIL: (\S+)/;
const LOG_BLOCK_HEADER = /^--- (?:BENCH|SKIP): /;
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const BLOCK_INDENT = '    ';
/** Splits the -P GOMAXPROCS suffix off a printed benchmark name (see BenchParseOptions.procs). */
function splitProcs(fullName, procs) {
    if (procs !== undefined) {
        const suffix = `-${procs}`;
        if (procs !== 1 && fullName.length > suffix.length && fullName.endsWith(suffix)) {
            return { name: fullName.slice(0, -suffix.length), procs };
        }
        return { name: fullName, procs: 1 };
    }
    const match = /^(.+)-(\d+)$/.exec(fullName);
    return match === null ? { name: fullName, procs: 1 } : { name: match[1], procs: Number(match[2]) };
}
/**
 * Parses the stdout of a Go test binary run with -test.bench (non-verbose). A panic is printed on
 * stderr: append stderr after stdout, or parse it on its own, to get it as a failure.
 */
function parseBenchOutput(text, opts = {}) {
    const lines = splitLines(text);
    const out = {
        config: emptyRecord(),
        results: [],
        failures: [],
        unitDirections: emptyRecord(),
        problems: []
    };
    // The benchmark whose result line was started but not completed: it is the one a panic belongs to.
    let unfinished;
    const problem = (i, reason) => {
        out.problems.push({ line: i + 1, text: lines[i], reason });
    };
    let i = 0;
    while (i < lines.length) {
        const line = lines[i];
        if (RESULT_START.test(line)) {
            const fields = line.trim().split(/\s+/);
            const { name, procs } = splitProcs(fields[0], opts.procs);
            const afterName = line.slice(fields[0].length).trimStart();
            // Go prints the name, runs the benchmark, then prints the numbers: whatever the run printed
            // instead (a failure, or a panic when stderr is merged) lands on the same line.
            if (afterName.startsWith('--- FAIL: ') || isCrashStart(afterName)) {
                unfinished = name;
                lines[i] = afterName;
                continue;
            }
            const result = readResult$1(fields);
            if (typeof result === 'string') {
                // With -test.v Go announces each benchmark by its bare name first: progress, not a result.
                const announcement = fields.length === 1 && !/\s/.test(line);
                if (!announcement) {
                    problem(i, result);
                    unfinished = name;
                }
            }
            else {
                out.results.push({
                    ...result,
                    name,
                    procs,
                    pkg: out.config.pkg ?? '',
                    cpu: out.config.cpu ?? '',
                    line: i + 1
                });
                unfinished = undefined;
            }
            i++;
            continue;
        }
        const fail = FAIL_HEADER.exec(line);
        if (fail !== null) {
            const block = readIndentedBlock(lines, i + 1);
            out.failures.push({
                name: splitProcs(fail[1], opts.procs).name,
                message: block.lines.length > 0 ? block.lines.join('\n') : 'failed without log output'
            });
            unfinished = undefined;
            i = block.next;
            continue;
        }
        if (LOG_BLOCK_HEADER.test(line)) {
            i = readIndentedBlock(lines, i + 1).next;
            continue;
        }
        if (isCrashStart(line)) {
            const { crash, next } = readCrash(lines, i);
            const location = firstUserFrame(crash.frames, opts.modulePath);
            const where = location === undefined ? '' : `\n    at ${location.function} (${location.file}:${location.line})`;
            // The stack names only the top-level benchmark; a started line names the leaf, unless it was
            // left by another benchmark (a garbled line, then one that died in its b.N=1 run).
            const fromStack = crashedBenchmark(crash);
            const name = unfinished !== undefined && (fromStack === undefined || unfinished.split('/')[0] === fromStack) ? unfinished : fromStack;
            out.failures.push({
                name: name ?? '',
                message: `${crash.kind}: ${crash.value}${where}`,
                ...(location === undefined ? {} : { location })
            });
            unfinished = undefined;
            i = next;
            continue;
        }
        if (line.startsWith('Unit ') || line.startsWith('Unit\t') || line === 'Unit') {
            const reason = readUnitLine(line, out.unitDirections);
            if (reason !== undefined)
                problem(i, reason);
            i++;
            continue;
        }
        const config = CONFIG_LINE.exec(line);
        if (config !== null) {
            const value = (config[2] ?? '').trimEnd();
            // As in golang.org/x/perf/benchfmt, `key:` with no value removes the key.
            if (value === '')
                delete out.config[config[1]];
            else
                out.config[config[1]] = value;
        }
        i++;
    }
    return out;
}
/** Reads the fields of a result line; a string is the reason it is not a valid result. */
function readResult$1(fields) {
    const [fullName, iters, ...pairs] = fields;
    if (iters === undefined)
        return 'missing iteration count: the line ends after the name (the benchmark did not finish)';
    if (!/^\d+$/.test(iters))
        return `iteration count "${iters}" is not an integer`;
    const iterations = Number(iters);
    // testing never reports a run of zero iterations; it prints one (with NaN ns/op) when the
    // benchmark panicked and the main goroutine won the race to print before the process died.
    if (iterations === 0)
        return 'zero iterations: the benchmark did not complete a run (did it panic?)';
    if (pairs.length === 0)
        return 'missing measurements';
    if (pairs.length % 2 !== 0)
        return 'odd number of value/unit fields: a value without its unit (truncated?)';
    const metrics = emptyRecord();
    for (let p = 0; p < pairs.length; p += 2) {
        const value = pairs[p];
        const unit = pairs[p + 1];
        if (!NUMBER.test(value))
            return `value "${value}" for unit "${unit}" is not a number`;
        if (NUMBER.test(unit))
            return `unit "${unit}" after value "${value}" is a number: fields are out of step`;
        metrics[unit] = Number(value);
    }
    return { fullName, iterations, metrics };
}
/** Lines indented under a `--- FAIL`/`--- BENCH` header, with one level of indentation removed. */
function readIndentedBlock(lines, start) {
    const block = [];
    let i = start;
    while (i < lines.length && lines[i].startsWith(BLOCK_INDENT)) {
        block.push(lines[i].slice(BLOCK_INDENT.length));
        i++;
    }
    return { lines: block, next: i };
}
/** Records a `Unit <unit> key=value ...` line's direction; returns why the line is bad, if it is. */
function readUnitLine(line, directions) {
    const [, unit, ...pairs] = line.trim().split(/\s+/);
    if (unit === undefined)
        return 'unit metadata line without a unit';
    for (const pair of pairs) {
        const eq = pair.indexOf('=');
        if (eq <= 0)
            return `expected key=value, got "${pair}"`;
        if (pair.slice(0, eq) !== 'better')
            continue;
        const better = pair.slice(eq + 1);
        if (better !== 'higher' && better !== 'lower')
            return `better=${better}: expected better=higher or better=lower`;
        directions[unit] = better;
    }
    return undefined;
}
// Go's regexp.QuoteMeta set: these are the characters RE2 gives a meaning to.
const RE2_SPECIAL = /[\\.+*?()|[\]{}^$]/g;
/**
 * A -test.bench argument that runs exactly the named benchmark (name without the -P suffix).
 * testing splits the pattern on `/` outside brackets and parentheses and matches each part against
 * the corresponding element of the name (itself split on `/`), unanchored; it splits on a top-level
 * `|` too. So each element is quoted, which also escapes its `|`, `(` and `[`, and anchored.
 */
function benchmarkPattern(name) {
    return name
        .split('/')
        .map((element) => `^${element.replace(RE2_SPECIAL, '\\$&')}$`)
        .join('/');
}

/** Quotes one argument for a POSIX shell: these commands are shown to people to paste, never run by us. */
function shellQuote(arg) {
    if (/^[A-Za-z0-9_./=:@%+,-]+$/.test(arg))
        return arg;
    return `'${arg.replace(/'/g, `'\\''`)}'`;
}
function find(r, pkg, name) {
    const p = r.packages.find((x) => x.importPath === pkg);
    const bench = p?.benchmarks.find((b) => b.name === name);
    return p && bench ? { dir: p.dir, bench } : undefined;
}
function lastProfile(b) {
    for (let i = b.runs.length - 1; i >= 0; i--) {
        const p = b.runs[i].heap?.profile;
        if (p)
            return p;
    }
    return undefined;
}
function joinPath(dir, rel) {
    return dir.endsWith('/') ? dir + rel : `${dir}/${rel}`;
}
const TEST_PASS_KINDS = new Set(['race', 'goroutine-leak', 'hang', 'panic']);
/** `go test` and `dlv test` lines for a finding of the test pass (a test, or a benchmark under -race). */
function testPassCommands(f, head) {
    const dir = head.tests?.find((t) => t.importPath === f.pkg)?.dir ?? head.packages.find((p) => p.importPath === f.pkg)?.dir;
    if (dir === undefined)
        return [];
    const pkgArg = dir === '.' ? '.' : `./${dir}`;
    const names = f.subject.split(', ').map((n) => n.split('/')[0]);
    const tests = names.filter((n) => n.startsWith('Test'));
    const bench = names.find((n) => n.startsWith('Benchmark'));
    if (bench) {
        const race = f.kind === 'race' ? ['-race'] : [];
        const argv = ['go', 'test', ...race, '-run=^$', `-bench=^${bench}$`, '-benchtime=100x', pkgArg];
        return [{ title: `Run ${bench} (${f.pkg})`, command: argv.map(shellQuote).join(' ') }];
    }
    const run = tests.length === 0 ? '.' : tests.length === 1 ? `^${tests[0]}$` : `^(${tests.join('|')})$`;
    const out = [
        { title: `Run ${tests.join(', ') || 'the tests'} (${f.pkg})`, command: ['go', 'test', '-race', '-count=1', '-v', `-run=${run}`, pkgArg].map(shellQuote).join(' ') }
    ];
    if (f.kind !== 'race') {
        // A debugger shows every goroutine and where it waits: 'goroutines' then 'goroutine N bt' in dlv.
        out.push({ title: `Debug it with Delve (${f.pkg})`, command: ['dlv', 'test', pkgArg, '--', `-test.run=${run}`].map(shellQuote).join(' ') });
    }
    return out;
}
function reproduceCommands(report, base, head) {
    const out = [];
    const seen = new Set();
    for (const f of report.findings) {
        if (f.severity !== 'fail' || f.kind === 'build-failure')
            continue;
        if (TEST_PASS_KINDS.has(f.kind)) {
            const key = `${f.pkg}\u0000${f.subject}\u0000test-pass`;
            if (!seen.has(key))
                out.push(...testPassCommands(f, head));
            seen.add(key);
            continue;
        }
        const key = `${f.pkg}\u0000${f.subject}\u0000${f.kind}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        const h = find(head, f.pkg, f.subject);
        if (!h)
            continue;
        const pkgArg = h.dir === '.' ? '.' : `./${h.dir}`;
        const count = Math.max(1, head.env.count);
        const argv = ['go', 'test', '-run=^$', `-bench=${benchmarkPattern(f.subject)}`, '-benchmem', `-count=${count}`, `-benchtime=${head.env.benchtime}`, pkgArg];
        out.push({ title: `Run ${f.subject} (${f.pkg})`, command: argv.map(shellQuote).join(' ') });
        if (f.kind === 'heap-leak' || (f.kind === 'regression' && (f.unit === 'B/op' || f.unit === 'allocs/op'))) {
            const b = find(base, f.pkg, f.subject);
            const bp = b && lastProfile(b.bench);
            const hp = lastProfile(h.bench);
            if (bp && hp) {
                const index = f.kind === 'heap-leak' ? 'inuse_space' : f.unit === 'allocs/op' ? 'alloc_objects' : 'alloc_space';
                const argv2 = ['go', 'tool', 'pprof', `-sample_index=${index}`, '-top', `-diff_base=${joinPath(report.base.dir, bp)}`, joinPath(report.head.dir, hp)];
                out.push({ title: `Profile diff for ${f.subject} (${index})`, command: argv2.map(shellQuote).join(' ') });
            }
        }
    }
    out.push({
        title: 'Compare the two results again',
        command: ['npx', 'go-leak-gate', 'compare', '--base', report.base.dir, '--head', report.head.dir].map(shellQuote).join(' ')
    });
    return out;
}

function finding(kind, severity, pkg, subject, metric, message, locations, counts) {
    return {
        kind,
        severity,
        pkg,
        subject,
        metric,
        unit: counts ? 'goroutines' : '',
        base: counts ? counts.base : null,
        head: counts ? counts.head : null,
        change: counts && counts.base > 0 ? (counts.head - counts.base) / counts.base : null,
        pValue: null,
        message,
        locations
    };
}
function at(frame, role) {
    return frame ? [{ file: frame.file, line: frame.line, function: frame.function, role }] : [];
}
function where(frame) {
    return frame ? `${frame.function} (${frame.file}:${frame.line})` : 'an unknown site';
}
/** The frame to point at: the innermost in the module, else outside the standard library, else the first. */
function userFrame(frames, modulePath) {
    return firstUserFrame(frames, modulePath) ?? frames[0];
}
function byPackage(r) {
    return new Map((r.tests ?? []).map((t) => [t.importPath, t]));
}
function raceFindings(pkg, head, base, modulePath) {
    const known = new Set((base ?? []).map((r) => r.key));
    return head.map((r) => {
        const pre = known.has(r.key);
        const a = userFrame(r.access.frames, modulePath);
        const p = userFrame(r.previous.frames, modulePath);
        const locations = [...at(a, 'access'), ...at(p, 'previous-access'), ...r.goroutines.flatMap((g) => at(g.createdAt, 'creation'))];
        const what = `${r.access.kind} at ${where(a)} races with an earlier ${r.previous.kind} at ${where(p)}`;
        const seen = r.in ? ` in ${r.in}` : '';
        return finding('race', pre ? 'info' : 'fail', pkg, r.in || pkg, 'data race', pre ? `pre-existing data race${seen}: ${what}` : `new data race${seen}: ${what}`, locations);
    });
}
/**
 * Leaks on head against the base's: a new signature, or more goroutines of one, fail. `subject` names a
 * benchmark when the goroutines outlived one; for the test pass it is the tests that leak them.
 */
function leakFindings(pkg, head, base, baseProbed, narrowing, subject) {
    const baseCount = new Map();
    for (const g of base ?? [])
        baseCount.set(g.looseKey, (baseCount.get(g.looseKey) ?? 0) + g.count);
    return head.map((g) => {
        const before = baseCount.get(g.looseKey) ?? 0;
        const grew = g.count > before;
        // Without the probe on base, nothing is known of its goroutines: do not call a leak new.
        const severity = !baseProbed ? 'warn' : grew ? 'fail' : 'info';
        const who = subject ?? (g.tests.length > 0 ? g.tests.join(', ') : pkg);
        const wait = g.waitMinutes ? `, waiting ${g.waitMinutes} min` : '';
        const confirmed = g.detectors.includes('goroutineleak') ? ', and the runtime confirms it can never be woken (goroutineleak profile)' : '';
        const n = narrowing;
        const narrowed = n?.cut ? ` (the search for the leaking test stopped at its time bound after ${n.ran} of ${n.of} tests)` : '';
        const message = `${g.count} goroutine${g.count === 1 ? '' : 's'} left blocked in [${g.state}${wait}] at ${where(g.blocking)}, started at ${where(g.creation)}` +
            (before > 0 ? ` (base leaves ${before})` : '') +
            (g.tests.length > 0 ? `; leaked by ${g.tests.join(', ')}` : '') +
            narrowed +
            `; found by the probe after the ${subject ? 'benchmark' : 'tests'}${confirmed}`;
        // The stack between the blocking frame and the goroutine's start: how it got there.
        const callers = g.stack
            .filter((f) => !isStandardLibrary(f.function) && !(f.function === g.blocking?.function && f.line === g.blocking?.line))
            .slice(0, 4)
            .flatMap((f) => at(f, 'caller'));
        return finding('goroutine-leak', severity, pkg, who, `goroutines [${g.state}]`, message, [...at(g.blocking, 'blocking'), ...callers, ...at(g.creation, 'creation')], { base: before, head: g.count });
    });
}
/** A test or benchmark that did not finish: who waits on what, the largest groups first. */
function hangFinding(pkg, subject, hang, preexisting) {
    const top = hang.groups.slice(0, 5);
    const locations = top.flatMap((g) => [...at(g.blocking, 'blocking'), ...at(g.creation, 'creation')]);
    const waits = top.map((g) => `${g.count}× [${g.state}] at ${where(g.blocking)}`).join('; ');
    const message = `${preexisting ? 'hangs on base too: ' : ''}${hang.message}${hang.test ? ` in ${hang.test}` : ''}. Waiting: ${waits || 'no goroutine dump'}`;
    return finding('hang', preexisting ? 'info' : 'fail', pkg, subject, 'hang', message, locations);
}
function testFindings(base, head) {
    const b = byPackage(base);
    const out = [];
    for (const h of head.tests ?? []) {
        const bp = b.get(h.importPath);
        out.push(...raceFindings(h.importPath, h.races, bp?.races, head.env.module));
        out.push(...leakFindings(h.importPath, h.leaks, bp?.leaks, bp?.probe ?? false, h.narrowing));
        if (h.hang)
            out.push(hangFinding(h.importPath, h.hang.test ?? h.importPath, h.hang, bp?.hang !== undefined));
        const basePanics = new Set((bp?.panics ?? []).map((p) => `${p.test ?? ''}\u0000${p.value}`));
        for (const p of h.panics) {
            const pre = basePanics.has(`${p.test ?? ''}\u0000${p.value}`);
            const f = userFrame(p.frames, head.env.module);
            out.push(finding('panic', pre ? 'info' : 'fail', h.importPath, p.test ?? h.importPath, 'panic', `${pre ? 'panics on base too: ' : ''}${p.value.split('\n')[0]} at ${where(f)}`, at(f, 'panic')));
        }
    }
    return out;
}

class ComparisonRefused extends Error {
    name = 'ComparisonRefused';
}
function sideInfo(r, dir) {
    return {
        commit: r.env.commit,
        goVersion: r.env.goVersion,
        goos: r.env.goos,
        goarch: r.env.goarch,
        cpu: r.env.cpu,
        race: r.env.race,
        count: r.env.count,
        benchtime: r.env.benchtime,
        dir
    };
}
/** Refuses what cannot be compared at all, and notes what makes a comparison weaker. */
function checkComparable(base, head) {
    if (base.env.race !== head.env.race) {
        throw new ComparisonRefused(`base was measured ${base.env.race ? 'with' : 'without'} -race and head ${head.env.race ? 'with' : 'without'}: ` +
            `the race runtime slows code 2-20x and changes memory use, so the two cannot be compared. Measure both sides the same way.`);
    }
    const notes = [];
    const differs = (what, a, b) => {
        if (a !== b)
            notes.push(`${what} differs: base ${a}, head ${b}; timing differences may come from that.`);
    };
    differs('Go version', base.env.goVersion, head.env.goVersion);
    differs('GOOS/GOARCH', `${base.env.goos}/${base.env.goarch}`, `${head.env.goos}/${head.env.goarch}`);
    if (base.env.cpu && head.env.cpu)
        differs('CPU', base.env.cpu, head.env.cpu);
    differs('GOMAXPROCS', base.env.gomaxprocs, head.env.gomaxprocs);
    differs('benchtime', base.env.benchtime, head.env.benchtime);
    return notes;
}
function indexBenchmarks(r) {
    const m = new Map();
    for (const p of r.packages)
        for (const b of p.benchmarks)
            m.set(`${p.importPath}\u0000${b.name}`, { pkg: p.importPath, bench: b });
    return m;
}
function findingKind(m) {
    if (m.metric === RETAINED_METRIC)
        return 'heap-leak';
    if (m.metric.startsWith('gc '))
        return 'gc-pause';
    return 'regression';
}
function metricFinding(pkg, bench, m, severity) {
    const how = m.method === 'mann-whitney' || m.method === 'threshold+mann-whitney'
        ? m.pValue !== null
            ? `; Mann-Whitney U over ${m.baseSamples.length || '?'} vs ${m.headSamples.length || '?'} samples`
            : ''
        : '';
    return {
        kind: findingKind(m),
        severity,
        pkg,
        subject: bench,
        metric: m.metric,
        unit: m.unit,
        base: m.baseMedian,
        head: m.headMedian,
        change: m.change,
        pValue: m.pValue,
        message: `${m.metric} got worse: ${m.reason}${how}`,
        locations: []
    };
}
function isIgnored(pkg, bench, cfg) {
    return cfg.ignoreBenchmarks.some((re) => new RegExp(re).test(`${pkg}.${bench}`));
}
function failureFindings(base, head) {
    const out = [];
    for (const [key, h] of head) {
        if (!h.bench.failure)
            continue;
        const b = base.get(key);
        const preexisting = b?.bench.failure !== undefined;
        const hang = h.bench.failure.hang;
        if (hang) {
            out.push(hangFinding(h.pkg, h.bench.name, hang, b?.bench.failure?.hang !== undefined));
            continue;
        }
        out.push({
            kind: 'bench-failure',
            severity: preexisting ? 'info' : 'fail',
            pkg: h.pkg,
            subject: h.bench.name,
            metric: 'failure',
            unit: '',
            base: null,
            head: null,
            change: null,
            pValue: null,
            message: preexisting
                ? `fails on base too: ${h.bench.failure.message}`
                : `fails on head (run ${h.bench.failure.run + 1}): ${h.bench.failure.message}`,
            locations: []
        });
    }
    return out;
}
function errorKey(e) {
    return `${e.kind}\u0000${e.subject}`;
}
/** Build failures become findings; an error the base already had is pre-existing, not the PR's doing. */
function errorFindings(base, head) {
    const baseKeys = new Set(base.errors.map(errorKey));
    const findings = [];
    let newHeadErrors = 0;
    const seen = new Set();
    for (const e of head.errors) {
        // The bench pass and the test pass build the same package: one broken package is one finding.
        if (seen.has(errorKey(e)))
            continue;
        seen.add(errorKey(e));
        const preexisting = baseKeys.has(errorKey(e));
        // A package measured without the probe still has all its numbers: that is a note, not a gap.
        if (!preexisting && e.kind !== 'probe')
            newHeadErrors++;
        if (e.kind !== 'build')
            continue;
        findings.push({
            kind: 'build-failure',
            severity: preexisting ? 'warn' : 'fail',
            pkg: e.subject,
            subject: e.subject,
            metric: 'build',
            unit: '',
            base: null,
            head: null,
            change: null,
            pValue: null,
            message: preexisting ? `does not build on base either: ${e.message}` : `${e.message} on head; its benchmarks were not measured`,
            locations: []
        });
    }
    return { findings, newHeadErrors };
}
function countFindings(findings) {
    const counts = { fail: 0, warn: 0, info: 0, byKind: {} };
    for (const f of findings) {
        counts[f.severity]++;
        counts.byKind[f.kind] = (counts.byKind[f.kind] ?? 0) + 1;
    }
    return counts;
}
/**
 * Compares two results. Pure: the caller loads the results, and attaches allocation sites afterwards
 * (attributeGrowth) for the findings that need them.
 */
function compareResults({ base, head, baseDir, headDir, config }) {
    const notes = checkComparable(base, head);
    const b = indexBenchmarks(base);
    const h = indexBenchmarks(head);
    const comparisons = [];
    const onlyInBase = [];
    const onlyInHead = [];
    for (const [key, hb] of h) {
        const bb = b.get(key);
        if (!bb) {
            if (!hb.bench.failure)
                onlyInHead.push({ pkg: hb.pkg, benchmark: hb.bench.name });
            continue;
        }
        if (hb.bench.runs.length === 0 || bb.bench.runs.length === 0)
            continue;
        comparisons.push(compareBenchmark(hb.pkg, bb.bench, hb.bench, config));
    }
    for (const [key, bb] of b)
        if (!h.has(key) && !bb.bench.failure)
            onlyInBase.push({ pkg: bb.pkg, benchmark: bb.bench.name });
    controlFalseDiscoveries(comparisons.flatMap((c) => c.metrics.filter(isStatistical)), config.statistics, benjaminiHochberg);
    const findings = [];
    for (const c of comparisons) {
        const ignored = isIgnored(c.pkg, c.benchmark, config);
        for (const m of c.metrics) {
            if (m.status !== 'regression')
                continue;
            const kind = findingKind(m);
            const severity = ignored ? 'info' : kind === 'gc-pause' ? config.gcPauseSeverity : 'fail';
            findings.push(metricFinding(c.pkg, c.benchmark, m, severity));
        }
    }
    for (const [key, hb] of h) {
        const bb = b.get(key);
        if (!hb.bench.leaks?.length || !bb)
            continue;
        const baseProbed = (bb.bench.smallRuns ?? []).some((r) => r.live !== undefined);
        findings.push(...leakFindings(hb.pkg, hb.bench.leaks, bb.bench.leaks, baseProbed, undefined, hb.bench.name));
    }
    findings.push(...failureFindings(b, h));
    findings.push(...testFindings(base, head));
    const errs = errorFindings(base, head);
    findings.push(...errs.findings);
    const toReportError = (side) => (e) => ({
        side,
        kind: e.kind,
        subject: e.subject,
        message: e.detail ? `${e.message}\n${e.detail}` : e.message
    });
    const errors = [...base.errors.map(toReportError('base')), ...head.errors.map(toReportError('head'))];
    const report = {
        schemaVersion: REPORT_SCHEMA_VERSION,
        verdict: findings.some((f) => f.severity === 'fail') ? 'fail' : 'pass',
        // Nothing compared while head had errors is no pass: the gate could not look at anything.
        incomplete: errs.newHeadErrors > 0 || (head.errors.length > 0 && comparisons.length === 0),
        counts: countFindings(findings),
        base: sideInfo(base, baseDir),
        head: sideInfo(head, headDir),
        findings,
        comparisons,
        onlyInBase,
        onlyInHead,
        notes,
        errors,
        reproduce: []
    };
    report.reproduce = reproduceCommands(report, base, head);
    return report;
}

/**
 * Unless explicitly stated otherwise all files in this repository are licensed under the MIT License.
 *
 * This product includes software developed at Datadog (https://www.datadoghq.com/  Copyright 2022 Datadog, Inc.
 */
var __classPrivateFieldGet = (undefined && undefined.__classPrivateFieldGet) || function (receiver, state, kind, f) {
    if (kind === "a" && !f) throw new TypeError("Private accessor was defined without a getter");
    if (typeof state === "function" ? receiver !== state || !f : !state.has(receiver)) throw new TypeError("Cannot read private member from an object whose class did not declare it");
    return kind === "m" ? f : kind === "a" ? f.call(receiver) : f ? f.value : state.get(receiver);
};
var _StringTable_encodings, _StringTable_positions;
/*!
 * Private helpers. These are only used by other helpers.
 */
const lowMaxBig = 2n ** 32n - 1n;
const lowMax = 2 ** 32 - 1;
const lowMaxPlus1 = lowMax + 1;
// Buffer.from(string, 'utf8') is faster, when available
const toUtf8 = typeof Buffer === 'undefined'
    ? (value) => new TextEncoder().encode(value)
    : (value) => Buffer.from(value, 'utf8');
function countNumberBytes(buffer) {
    if (!buffer.length)
        return 0;
    let i = 0;
    while (i < buffer.length && buffer[i++] >= 0b10000000)
        ;
    return i;
}
function decodeBigNumber(buffer) {
    if (!buffer.length)
        return BigInt(0);
    let value = BigInt(buffer[0] & 0b01111111);
    let i = 0;
    while (buffer[i++] >= 0b10000000) {
        value |= BigInt(buffer[i] & 0b01111111) << BigInt(7 * i);
    }
    return value;
}
function makeValue(value, offset = 0) {
    return { value, offset };
}
function getValue(mode, buffer) {
    switch (mode) {
        case kTypeVarInt:
            for (let i = 0; i < buffer.length; i++) {
                if (!(buffer[i] & 0b10000000)) {
                    return makeValue(buffer.subarray(0, i + 1));
                }
            }
            return makeValue(buffer);
        case kTypeLengthDelim: {
            const offset = countNumberBytes(buffer);
            const size = decodeNumber(buffer);
            return makeValue(buffer.subarray(offset, Number(size) + offset), offset);
        }
        default:
            throw new Error(`Unrecognized value type: ${mode}`);
    }
}
function lowBits(number) {
    return typeof number !== 'bigint'
        ? (number >>> 0) % lowMaxPlus1
        : Number(number & lowMaxBig);
}
function highBits(number) {
    return typeof number !== 'bigint'
        ? (number / lowMaxPlus1) >>> 0
        : Number(number >> 32n & lowMaxBig);
}
function long(number) {
    const sign = number < 0;
    if (sign)
        number = -number;
    let lo = lowBits(number);
    let hi = highBits(number);
    if (sign) {
        hi = ~hi >>> 0;
        lo = ~lo >>> 0;
        if (++lo > lowMax) {
            lo = 0;
            if (++hi > lowMax) {
                hi = 0;
            }
        }
    }
    return [hi, lo];
}
/**
 * Public helpers. These are used in the type definitions.
 */
const kTypeVarInt = 0;
const kTypeLengthDelim = 2;
function decodeNumber(buffer) {
    const size = countNumberBytes(buffer);
    if (size > 4)
        return decodeBigNumber(buffer);
    if (!buffer.length)
        return 0;
    let value = buffer[0] & 0b01111111;
    let i = 0;
    while (buffer[i++] >= 0b10000000) {
        value |= (buffer[i] & 0b01111111) << (7 * i);
    }
    return value;
}
function decodeNumbers(buffer) {
    const values = [];
    let start = 0;
    for (let i = 0; i < buffer.length; i++) {
        if ((buffer[i] & 0b10000000) === 0) {
            values.push(decodeNumber(buffer.subarray(start, i + 1)));
            start = i + 1;
        }
    }
    return values;
}
function push(value, list) {
    if (list == null) {
        return [value];
    }
    list.push(value);
    return list;
}
function pushAll(values, list) {
    if (list == null) {
        return values;
    }
    for (const value of values) {
        list.push(value);
    }
    return list;
}
function measureNumber(number) {
    if (number === 0 || number === 0n)
        return 0;
    const [hi, lo] = long(number);
    const a = lo;
    const b = (lo >>> 28 | hi << 4) >>> 0;
    const c = hi >>> 24;
    if (c !== 0) {
        return c < 128 ? 9 : 10;
    }
    if (b !== 0) {
        if (b < 16384) {
            return b < 128 ? 5 : 6;
        }
        return b < 2097152 ? 7 : 8;
    }
    if (a < 16384) {
        return a < 128 ? 1 : 2;
    }
    return a < 2097152 ? 3 : 4;
}
function measureValue(value) {
    if (typeof value === 'undefined')
        return 0;
    if (typeof value === 'number' || typeof value === 'bigint') {
        return measureNumber(value) || 1;
    }
    return value.length;
}
function measureArray(list) {
    let size = 0;
    for (const item of list) {
        size += measureValue(item);
    }
    return size;
}
function measureNumberField(number) {
    const length = measureNumber(number);
    return length ? 1 + length : 0;
}
function measureNumberArrayField(values) {
    let total = 0;
    for (const value of values) {
        // Arrays should always include zeros to keep positions consistent
        total += measureNumber(value) || 1;
    }
    // Packed arrays are encoded as Tag,Len,ConcatenatedElements
    // Tag is only one byte because field number is always < 16 in pprof
    return total ? 1 + measureNumber(total) + total : 0;
}
function measureLengthDelimField(value) {
    const length = measureValue(value);
    // Length delimited records / submessages are encoded as Tag,Len,EncodedRecord
    // Tag is only one byte because field number is always < 16 in pprof
    return length ? 1 + measureNumber(length) + length : 0;
}
function measureLengthDelimArrayField(values) {
    let total = 0;
    for (const value of values) {
        total += measureLengthDelimField(value);
    }
    return total;
}
function encodeNumber(buffer, i, number) {
    if (number === 0 || number === 0n) {
        buffer[i++] = 0;
        return i;
    }
    let [hi, lo] = long(number);
    while (hi) {
        buffer[i++] = lo & 127 | 128;
        lo = (lo >>> 7 | hi << 25) >>> 0;
        hi >>>= 7;
    }
    while (lo > 127) {
        buffer[i++] = lo & 127 | 128;
        lo = lo >>> 7;
    }
    buffer[i++] = lo;
    return i;
}
const emptyTableToken = Symbol();
class StringTable {
    constructor(tok) {
        this.strings = new Array();
        _StringTable_encodings.set(this, new Array());
        _StringTable_positions.set(this, new Map());
        if (tok !== emptyTableToken) {
            this.dedup('');
        }
    }
    get encodedLength() {
        let size = 0;
        for (const encoded of __classPrivateFieldGet(this, _StringTable_encodings, "f")) {
            size += encoded.length;
        }
        return size;
    }
    _encodeToBuffer(buffer, offset) {
        for (const encoded of __classPrivateFieldGet(this, _StringTable_encodings, "f")) {
            buffer.set(encoded, offset);
            offset += encoded.length;
        }
        return offset;
    }
    encode(buffer = new Uint8Array(this.encodedLength)) {
        this._encodeToBuffer(buffer, 0);
        return buffer;
    }
    static _encodeStringFromUtf8(stringBuffer) {
        const buffer = new Uint8Array(1 + stringBuffer.length + (measureNumber(stringBuffer.length) || 1));
        let offset = 0;
        buffer[offset++] = 50; // (6 << 3) + kTypeLengthDelim
        offset = encodeNumber(buffer, offset, stringBuffer.length);
        if (stringBuffer.length > 0) {
            buffer.set(stringBuffer, offset);
        }
        return buffer;
    }
    static _encodeString(string) {
        return StringTable._encodeStringFromUtf8(toUtf8(string));
    }
    dedup(string) {
        if (typeof string === 'number')
            return string;
        if (!__classPrivateFieldGet(this, _StringTable_positions, "f").has(string)) {
            const pos = this.strings.push(string) - 1;
            __classPrivateFieldGet(this, _StringTable_positions, "f").set(string, pos);
            // Encode strings on insertion
            __classPrivateFieldGet(this, _StringTable_encodings, "f").push(StringTable._encodeString(string));
        }
        return __classPrivateFieldGet(this, _StringTable_positions, "f").get(string);
    }
    _decodeString(buffer) {
        const string = new TextDecoder().decode(buffer);
        __classPrivateFieldGet(this, _StringTable_positions, "f").set(string, this.strings.push(string) - 1);
        __classPrivateFieldGet(this, _StringTable_encodings, "f").push(StringTable._encodeStringFromUtf8(buffer));
    }
}
_StringTable_encodings = new WeakMap(), _StringTable_positions = new WeakMap();
function decode(buffer, decoder) {
    const data = {};
    let index = 0;
    while (index < buffer.length) {
        const field = buffer[index] >> 3;
        const mode = buffer[index] & 0b111;
        index++;
        const { offset, value } = getValue(mode, buffer.subarray(index));
        index += value.length + offset;
        decoder(data, field, value);
    }
    return data;
}
class ValueType {
    static create(data) {
        return data instanceof ValueType ? data : new ValueType(data);
    }
    constructor(data) {
        this.type = data.type || 0;
        this.unit = data.unit || 0;
    }
    get length() {
        let total = 0;
        total += measureNumberField(this.type);
        total += measureNumberField(this.unit);
        return total;
    }
    _encodeToBuffer(buffer, offset = 0) {
        if (this.type) {
            buffer[offset++] = 8; // (1 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.type);
        }
        if (this.unit) {
            buffer[offset++] = 16; // (2 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.unit);
        }
        return offset;
    }
    encode(buffer = new Uint8Array(this.length)) {
        this._encodeToBuffer(buffer, 0);
        return buffer;
    }
    static decodeValue(data, field, buffer) {
        switch (field) {
            case 1:
                data.type = decodeNumber(buffer);
                break;
            case 2:
                data.unit = decodeNumber(buffer);
                break;
        }
    }
    static decode(buffer) {
        return new this(decode(buffer, this.decodeValue));
    }
}
class Label {
    static create(data) {
        return data instanceof Label ? data : new Label(data);
    }
    constructor(data) {
        this.key = data.key || 0;
        this.str = data.str || 0;
        this.num = data.num || 0;
        this.numUnit = data.numUnit || 0;
    }
    get length() {
        let total = 0;
        total += measureNumberField(this.key);
        total += measureNumberField(this.str);
        total += measureNumberField(this.num);
        total += measureNumberField(this.numUnit);
        return total;
    }
    _encodeToBuffer(buffer, offset = 0) {
        if (this.key) {
            buffer[offset++] = 8; // (1 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.key);
        }
        if (this.str) {
            buffer[offset++] = 16; // (2 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.str);
        }
        if (this.num) {
            buffer[offset++] = 24; // (3 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.num);
        }
        if (this.numUnit) {
            buffer[offset++] = 32; // (4 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.numUnit);
        }
        return offset;
    }
    encode(buffer = new Uint8Array(this.length)) {
        this._encodeToBuffer(buffer, 0);
        return buffer;
    }
    static decodeValue(data, field, buffer) {
        switch (field) {
            case 1:
                data.key = decodeNumber(buffer);
                break;
            case 2:
                data.str = decodeNumber(buffer);
                break;
            case 3:
                data.num = decodeNumber(buffer);
                break;
            case 4:
                data.numUnit = decodeNumber(buffer);
                break;
        }
    }
    static decode(buffer) {
        return new this(decode(buffer, this.decodeValue));
    }
}
class Sample {
    static create(data) {
        return data instanceof Sample ? data : new Sample(data);
    }
    constructor(data) {
        this.locationId = data.locationId || [];
        this.value = data.value || [];
        this.label = (data.label || []).map(Label.create);
    }
    get length() {
        let total = 0;
        total += measureNumberArrayField(this.locationId);
        total += measureNumberArrayField(this.value);
        total += measureLengthDelimArrayField(this.label);
        return total;
    }
    _encodeToBuffer(buffer, offset = 0) {
        if (this.locationId.length) {
            buffer[offset++] = 10; // (1 << 3) + kTypeLengthDelim
            offset = encodeNumber(buffer, offset, measureArray(this.locationId));
            for (const locationId of this.locationId) {
                offset = encodeNumber(buffer, offset, locationId);
            }
        }
        if (this.value.length) {
            buffer[offset++] = 18; // (2 << 3) + kTypeLengthDelim
            offset = encodeNumber(buffer, offset, measureArray(this.value));
            for (const value of this.value) {
                offset = encodeNumber(buffer, offset, value);
            }
        }
        for (const label of this.label) {
            buffer[offset++] = 26; // (3 << 3) + kTypeLengthDelim
            offset = encodeNumber(buffer, offset, label.length);
            offset = label._encodeToBuffer(buffer, offset);
        }
        return offset;
    }
    encode(buffer = new Uint8Array(this.length)) {
        this._encodeToBuffer(buffer, 0);
        return buffer;
    }
    static decodeValue(data, field, buffer) {
        switch (field) {
            case 1:
                data.locationId = pushAll(decodeNumbers(buffer), data.locationId);
                break;
            case 2:
                data.value = pushAll(decodeNumbers(buffer), data.value);
                break;
            case 3:
                data.label = push(Label.decode(buffer), data.label);
                break;
        }
    }
    static decode(buffer) {
        return new this(decode(buffer, this.decodeValue));
    }
}
class Mapping {
    static create(data) {
        return data instanceof Mapping ? data : new Mapping(data);
    }
    constructor(data) {
        this.id = data.id || 0;
        this.memoryStart = data.memoryStart || 0;
        this.memoryLimit = data.memoryLimit || 0;
        this.fileOffset = data.fileOffset || 0;
        this.filename = data.filename || 0;
        this.buildId = data.buildId || 0;
        this.hasFunctions = !!data.hasFunctions;
        this.hasFilenames = !!data.hasFilenames;
        this.hasLineNumbers = !!data.hasLineNumbers;
        this.hasInlineFrames = !!data.hasInlineFrames;
    }
    get length() {
        let total = 0;
        total += measureNumberField(this.id);
        total += measureNumberField(this.memoryStart);
        total += measureNumberField(this.memoryLimit);
        total += measureNumberField(this.fileOffset);
        total += measureNumberField(this.filename);
        total += measureNumberField(this.buildId);
        total += measureNumberField(this.hasFunctions ? 1 : 0);
        total += measureNumberField(this.hasFilenames ? 1 : 0);
        total += measureNumberField(this.hasLineNumbers ? 1 : 0);
        total += measureNumberField(this.hasInlineFrames ? 1 : 0);
        return total;
    }
    _encodeToBuffer(buffer, offset = 0) {
        if (this.id) {
            buffer[offset++] = 8; // (1 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.id);
        }
        if (this.memoryStart) {
            buffer[offset++] = 16; // (2 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.memoryStart);
        }
        if (this.memoryLimit) {
            buffer[offset++] = 24; // (3 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.memoryLimit);
        }
        if (this.fileOffset) {
            buffer[offset++] = 32; // (4 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.fileOffset);
        }
        if (this.filename) {
            buffer[offset++] = 40; // (5 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.filename);
        }
        if (this.buildId) {
            buffer[offset++] = 48; // (6 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.buildId);
        }
        if (this.hasFunctions) {
            buffer[offset++] = 56; // (7 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, 1);
        }
        if (this.hasFilenames) {
            buffer[offset++] = 64; // (8 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, 1);
        }
        if (this.hasLineNumbers) {
            buffer[offset++] = 72; // (9 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, 1);
        }
        if (this.hasInlineFrames) {
            buffer[offset++] = 80; // (10 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, 1);
        }
        return offset;
    }
    encode(buffer = new Uint8Array(this.length)) {
        this._encodeToBuffer(buffer, 0);
        return buffer;
    }
    static decodeValue(data, field, buffer) {
        switch (field) {
            case 1:
                data.id = decodeNumber(buffer);
                break;
            case 2:
                data.memoryStart = decodeNumber(buffer);
                break;
            case 3:
                data.memoryLimit = decodeNumber(buffer);
                break;
            case 4:
                data.fileOffset = decodeNumber(buffer);
                break;
            case 5:
                data.filename = decodeNumber(buffer);
                break;
            case 6:
                data.buildId = decodeNumber(buffer);
                break;
            case 7:
                data.hasFunctions = !!decodeNumber(buffer);
                break;
            case 8:
                data.hasFilenames = !!decodeNumber(buffer);
                break;
            case 9:
                data.hasLineNumbers = !!decodeNumber(buffer);
                break;
            case 10:
                data.hasInlineFrames = !!decodeNumber(buffer);
                break;
        }
    }
    static decode(buffer) {
        return new this(decode(buffer, this.decodeValue));
    }
}
class Line {
    static create(data) {
        return data instanceof Line ? data : new Line(data);
    }
    constructor(data) {
        this.functionId = data.functionId || 0;
        this.line = data.line || 0;
        this.column = data.column || 0;
    }
    get length() {
        let total = 0;
        total += measureNumberField(this.functionId);
        total += measureNumberField(this.line);
        total += measureNumberField(this.column);
        return total;
    }
    _encodeToBuffer(buffer, offset = 0) {
        if (this.functionId) {
            buffer[offset++] = 8; // (1 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.functionId);
        }
        if (this.line) {
            buffer[offset++] = 16; // (2 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.line);
        }
        if (this.column) {
            buffer[offset++] = 24; // (3 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.column);
        }
        return offset;
    }
    encode(buffer = new Uint8Array(this.length)) {
        this._encodeToBuffer(buffer, 0);
        return buffer;
    }
    static decodeValue(data, field, buffer) {
        switch (field) {
            case 1:
                data.functionId = decodeNumber(buffer);
                break;
            case 2:
                data.line = decodeNumber(buffer);
                break;
            case 3:
                data.column = decodeNumber(buffer);
                break;
        }
    }
    static decode(buffer) {
        return new this(decode(buffer, this.decodeValue));
    }
}
class Location {
    static create(data) {
        return data instanceof Location ? data : new Location(data);
    }
    constructor(data) {
        this.id = data.id || 0;
        this.mappingId = data.mappingId || 0;
        this.address = data.address || 0;
        this.line = (data.line || []).map(Line.create);
        this.isFolded = !!data.isFolded;
    }
    get length() {
        let total = 0;
        total += measureNumberField(this.id);
        total += measureNumberField(this.mappingId);
        total += measureNumberField(this.address);
        total += measureLengthDelimArrayField(this.line);
        total += measureNumberField(this.isFolded ? 1 : 0);
        return total;
    }
    _encodeToBuffer(buffer, offset = 0) {
        if (this.id) {
            buffer[offset++] = 8; // (1 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.id);
        }
        if (this.mappingId) {
            buffer[offset++] = 16; // (2 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.mappingId);
        }
        if (this.address) {
            buffer[offset++] = 24; // (3 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.address);
        }
        for (const line of this.line) {
            buffer[offset++] = 34; // (4 << 3) + kTypeLengthDelim
            offset = encodeNumber(buffer, offset, line.length);
            offset = line._encodeToBuffer(buffer, offset);
        }
        if (this.isFolded) {
            buffer[offset++] = 40; // (5 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, 1);
        }
        return offset;
    }
    encode(buffer = new Uint8Array(this.length)) {
        this._encodeToBuffer(buffer, 0);
        return buffer;
    }
    static decodeValue(data, field, buffer) {
        switch (field) {
            case 1:
                data.id = decodeNumber(buffer);
                break;
            case 2:
                data.mappingId = decodeNumber(buffer);
                break;
            case 3:
                data.address = decodeNumber(buffer);
                break;
            case 4:
                data.line = push(Line.decode(buffer), data.line);
                break;
            case 5:
                data.isFolded = !!decodeNumber(buffer);
                break;
        }
    }
    static decode(buffer) {
        return new this(decode(buffer, this.decodeValue));
    }
}
let Function$1 = class Function {
    static create(data) {
        return data instanceof Function ? data : new Function(data);
    }
    constructor(data) {
        this.id = data.id || 0;
        this.name = data.name || 0;
        this.systemName = data.systemName || 0;
        this.filename = data.filename || 0;
        this.startLine = data.startLine || 0;
    }
    get length() {
        let total = 0;
        total += measureNumberField(this.id);
        total += measureNumberField(this.name);
        total += measureNumberField(this.systemName);
        total += measureNumberField(this.filename);
        total += measureNumberField(this.startLine);
        return total;
    }
    _encodeToBuffer(buffer, offset = 0) {
        if (this.id) {
            buffer[offset++] = 8; // (1 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.id);
        }
        if (this.name) {
            buffer[offset++] = 16; // (2 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.name);
        }
        if (this.systemName) {
            buffer[offset++] = 24; // (3 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.systemName);
        }
        if (this.filename) {
            buffer[offset++] = 32; // (4 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.filename);
        }
        if (this.startLine) {
            buffer[offset++] = 40; // (5 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.startLine);
        }
        return offset;
    }
    encode(buffer = new Uint8Array(this.length)) {
        this._encodeToBuffer(buffer, 0);
        return buffer;
    }
    static decodeValue(data, field, buffer) {
        switch (field) {
            case 1:
                data.id = decodeNumber(buffer);
                break;
            case 2:
                data.name = decodeNumber(buffer);
                break;
            case 3:
                data.systemName = decodeNumber(buffer);
                break;
            case 4:
                data.filename = decodeNumber(buffer);
                break;
            case 5:
                data.startLine = decodeNumber(buffer);
                break;
        }
    }
    static decode(buffer) {
        return new this(decode(buffer, this.decodeValue));
    }
};
class Profile {
    constructor(data = {}) {
        this.sampleType = (data.sampleType || []).map(ValueType.create);
        this.sample = (data.sample || []).map(Sample.create);
        this.mapping = (data.mapping || []).map(Mapping.create);
        this.location = (data.location || []).map(Location.create);
        this.function = (data.function || []).map(Function$1.create);
        this.stringTable = data.stringTable || new StringTable();
        this.dropFrames = data.dropFrames || 0;
        this.keepFrames = data.keepFrames || 0;
        this.timeNanos = data.timeNanos || 0;
        this.durationNanos = data.durationNanos || 0;
        this.periodType = data.periodType ? ValueType.create(data.periodType) : undefined;
        this.period = data.period || 0;
        this.comment = data.comment || [];
        this.defaultSampleType = data.defaultSampleType || 0;
        this.docUrl = data.docUrl || 0;
    }
    get length() {
        let total = 0;
        total += measureLengthDelimArrayField(this.sampleType);
        total += measureLengthDelimArrayField(this.sample);
        total += measureLengthDelimArrayField(this.mapping);
        total += measureLengthDelimArrayField(this.location);
        total += measureLengthDelimArrayField(this.function);
        total += this.stringTable.encodedLength;
        total += measureNumberField(this.dropFrames);
        total += measureNumberField(this.keepFrames);
        total += measureNumberField(this.timeNanos);
        total += measureNumberField(this.durationNanos);
        total += measureLengthDelimField(this.periodType);
        total += measureNumberField(this.period);
        total += measureNumberArrayField(this.comment);
        total += measureNumberField(this.defaultSampleType);
        total += measureNumberField(this.docUrl);
        return total;
    }
    _encodeSampleTypesToBuffer(buffer, offset = 0) {
        for (const sampleType of this.sampleType) {
            buffer[offset++] = 10; // (1 << 3) + kTypeLengthDelim
            offset = encodeNumber(buffer, offset, sampleType.length);
            offset = sampleType._encodeToBuffer(buffer, offset);
        }
        return offset;
    }
    _encodeSamplesToBuffer(buffer, offset = 0) {
        for (const sample of this.sample) {
            buffer[offset++] = 18; // (2 << 3) + kTypeLengthDelim
            offset = encodeNumber(buffer, offset, sample.length);
            offset = sample._encodeToBuffer(buffer, offset);
        }
        return offset;
    }
    _encodeMappingsToBuffer(buffer, offset = 0) {
        for (const mapping of this.mapping) {
            buffer[offset++] = 26; // (3 << 3) + kTypeLengthDelim
            offset = encodeNumber(buffer, offset, mapping.length);
            offset = mapping._encodeToBuffer(buffer, offset);
        }
        return offset;
    }
    _encodeLocationsToBuffer(buffer, offset = 0) {
        for (const location of this.location) {
            buffer[offset++] = 34; // (4 << 3) + kTypeLengthDelim
            offset = encodeNumber(buffer, offset, location.length);
            offset = location._encodeToBuffer(buffer, offset);
        }
        return offset;
    }
    _encodeFunctionsToBuffer(buffer, offset = 0) {
        for (const fun of this.function) {
            buffer[offset++] = 42; // (5 << 3) + kTypeLengthDelim
            offset = encodeNumber(buffer, offset, fun.length);
            offset = fun._encodeToBuffer(buffer, offset);
        }
        return offset;
    }
    _encodeBasicValuesToBuffer(buffer, offset = 0) {
        if (this.dropFrames) {
            buffer[offset++] = 56; // (7 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.dropFrames);
        }
        if (this.keepFrames) {
            buffer[offset++] = 64; // (8 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.keepFrames);
        }
        if (this.timeNanos) {
            buffer[offset++] = 72; // (9 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.timeNanos);
        }
        if (this.durationNanos) {
            buffer[offset++] = 80; // (10 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.durationNanos);
        }
        if (typeof this.periodType !== 'undefined') {
            buffer[offset++] = 90; // (11 << 3) + kTypeLengthDelim
            offset = encodeNumber(buffer, offset, this.periodType.length);
            offset = this.periodType._encodeToBuffer(buffer, offset);
        }
        if (this.period) {
            buffer[offset++] = 96; // (12 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.period);
        }
        if (this.comment.length) {
            buffer[offset++] = 106; // (13 << 3) + kTypeLengthDelim
            offset = encodeNumber(buffer, offset, measureArray(this.comment));
            for (const comment of this.comment) {
                offset = encodeNumber(buffer, offset, comment);
            }
        }
        if (this.defaultSampleType) {
            buffer[offset++] = 112; // (14 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.defaultSampleType);
        }
        if (this.docUrl) {
            buffer[offset++] = 120; // (15 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.docUrl);
        }
        return offset;
    }
    _encodeToBuffer(buffer, offset = 0) {
        offset = this._encodeSampleTypesToBuffer(buffer, offset);
        offset = this._encodeSamplesToBuffer(buffer, offset);
        offset = this._encodeMappingsToBuffer(buffer, offset);
        offset = this._encodeLocationsToBuffer(buffer, offset);
        offset = this._encodeFunctionsToBuffer(buffer, offset);
        offset = this.stringTable._encodeToBuffer(buffer, offset);
        offset = this._encodeBasicValuesToBuffer(buffer, offset);
        return offset;
    }
    async _encodeToBufferAsync(buffer, offset = 0) {
        offset = this._encodeSampleTypesToBuffer(buffer, offset);
        await new Promise(setImmediate);
        offset = this._encodeSamplesToBuffer(buffer, offset);
        await new Promise(setImmediate);
        offset = this._encodeMappingsToBuffer(buffer, offset);
        await new Promise(setImmediate);
        offset = this._encodeLocationsToBuffer(buffer, offset);
        await new Promise(setImmediate);
        offset = this._encodeFunctionsToBuffer(buffer, offset);
        await new Promise(setImmediate);
        offset = this.stringTable._encodeToBuffer(buffer, offset);
        await new Promise(setImmediate);
        offset = this._encodeBasicValuesToBuffer(buffer, offset);
        return offset;
    }
    encode(buffer = new Uint8Array(this.length)) {
        this._encodeToBuffer(buffer, 0);
        return buffer;
    }
    async encodeAsync(buffer = new Uint8Array(this.length)) {
        await this._encodeToBufferAsync(buffer, 0);
        return buffer;
    }
    static decodeValue(data, field, buffer) {
        switch (field) {
            case 1:
                data.sampleType = push(ValueType.decode(buffer), data.sampleType);
                break;
            case 2:
                data.sample = push(Sample.decode(buffer), data.sample);
                break;
            case 3:
                data.mapping = push(Mapping.decode(buffer), data.mapping);
                break;
            case 4:
                data.location = push(Location.decode(buffer), data.location);
                break;
            case 5:
                data.function = push(Function$1.decode(buffer), data.function);
                break;
            case 6: {
                if (data.stringTable === undefined) {
                    data.stringTable = new StringTable(emptyTableToken);
                }
                data.stringTable._decodeString(buffer);
                break;
            }
            case 7:
                data.dropFrames = decodeNumber(buffer);
                break;
            case 8:
                data.keepFrames = decodeNumber(buffer);
                break;
            case 9:
                data.timeNanos = decodeNumber(buffer);
                break;
            case 10:
                data.durationNanos = decodeNumber(buffer);
                break;
            case 11:
                data.periodType = ValueType.decode(buffer);
                break;
            case 12:
                data.period = decodeNumber(buffer);
                break;
            case 13:
                data.comment = pushAll(decodeNumbers(buffer), data.comment);
                break;
            case 14:
                data.defaultSampleType = decodeNumber(buffer);
                break;
            case 15:
                data.docUrl = decodeNumber(buffer);
                break;
        }
    }
    static decode(buffer) {
        return new this(decode(buffer, this.decodeValue));
    }
}

/** A memory or other profile that could not be read; `source` names the file or run it came from. */
class ProfileError extends Error {
    source;
    name = 'ProfileError';
    constructor(source, message) {
        super(`${source}: ${message}`);
        this.source = source;
    }
}
const GZIP_MAGIC_0 = 0x1f;
const GZIP_MAGIC_1 = 0x8b;
const HEAP_SAMPLE_TYPES = ['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space'];
/** pprof-format returns large varints as bigint, and negative int64s as their unsigned bigint form. */
function toInt(v) {
    return typeof v === 'number' ? v : Number(BigInt.asIntN(64, v));
}
/** Decodes a (gzipped, as Go writes it, or plain) pprof protobuf and checks its cross-references. */
function decodeProfile(data, source) {
    let raw = data;
    if (data.length >= 2 && data[0] === GZIP_MAGIC_0 && data[1] === GZIP_MAGIC_1) {
        try {
            raw = gunzipSync(data);
        }
        catch (err) {
            throw new ProfileError(source, `truncated or corrupt gzip data (${errorText(err)})`);
        }
    }
    let proto;
    try {
        proto = Profile.decode(raw);
    }
    catch (err) {
        throw new ProfileError(source, `not a pprof profile: the protobuf does not decode (${errorText(err)})`);
    }
    return { source, sampleTypes: checkProfile(proto, source), proto };
}
function errorText(err) {
    return err instanceof Error ? err.message : String(err);
}
/**
 * The protobuf decoder accepts most byte strings (truncated fields are cut short, not refused), so a
 * profile is only trusted once every index it holds points at something that exists.
 */
function checkProfile(proto, source) {
    const strings = proto.stringTable.strings;
    if (proto.sampleType.length === 0)
        throw new ProfileError(source, 'not a pprof profile: it has no sample types');
    if (strings.length === 0 || strings[0] !== '') {
        throw new ProfileError(source, 'not a pprof profile: its string table does not start with ""');
    }
    const text = (index, what) => {
        const i = toInt(index);
        if (i < 0 || i >= strings.length)
            throw new ProfileError(source, `${what} names string ${i}, beyond the string table`);
        return strings[i];
    };
    const sampleTypes = proto.sampleType.map((t) => ({ type: text(t.type, 'a sample type'), unit: text(t.unit, 'a sample type') }));
    for (const fn of proto.function) {
        text(fn.name, `function ${fn.id}`);
        text(fn.filename, `function ${fn.id}`);
    }
    const functionAt = positionsById(proto.function.map((f) => toInt(f.id)));
    for (const loc of proto.location) {
        for (const line of loc.line) {
            if (functionAt(toInt(line.functionId)) < 0) {
                throw new ProfileError(source, `location ${loc.id} refers to function ${line.functionId}, which is missing (truncated?)`);
            }
        }
    }
    const locationAt = positionsById(proto.location.map((l) => toInt(l.id)));
    for (const sample of proto.sample) {
        if (sample.value.length !== sampleTypes.length) {
            throw new ProfileError(source, `a sample has ${sample.value.length} values for ${sampleTypes.length} sample types`);
        }
        for (const id of sample.locationId) {
            if (locationAt(toInt(id)) < 0)
                throw new ProfileError(source, `a sample refers to location ${id}, which is missing (truncated?)`);
        }
    }
    return sampleTypes;
}
/** Maps ids to array positions; Go numbers ids 1..n, so a typed array usually does it. */
function positionsById(ids) {
    const max = ids.reduce((m, id) => Math.max(m, id), 0);
    if (max <= ids.length * 4 + 1024) {
        const table = new Int32Array(max + 1).fill(-1);
        ids.forEach((id, i) => {
            if (id >= 0)
                table[id] = i;
        });
        return (id) => (id >= 0 && id <= max ? table[id] : -1);
    }
    const map = new Map();
    ids.forEach((id, i) => map.set(id, i));
    return (id) => map.get(id) ?? -1;
}
/**
 * Aggregates a heap (-test.memprofile, /debug/pprof/heap or allocs) profile by allocation site.
 * With modulePath, a site outside the module is split by its first caller inside the module, so
 * the two callers of bytes.growSlice stay two sites. Samples whose values are all zero (stacks the
 * runtime still lists after their memory is gone) make no site.
 */
function heapSites(profile, opts = {}) {
    const { proto, source } = profile;
    const names = profile.sampleTypes.map((t) => t.type);
    const [iAllocObjects, iAllocBytes, iInuseObjects, iInuseBytes] = HEAP_SAMPLE_TYPES.map((type) => names.indexOf(type));
    if (iAllocObjects < 0 || iAllocBytes < 0 || iInuseObjects < 0 || iInuseBytes < 0) {
        const have = profile.sampleTypes.map((t) => `${t.type}/${t.unit}`).join(', ');
        throw new ProfileError(source, `not a heap profile: sample types are ${have}, expected ${HEAP_SAMPLE_TYPES.join(', ')}`);
    }
    const modulePath = opts.modulePath ?? '';
    const strings = proto.stringTable.strings;
    const functionAt = positionsById(proto.function.map((f) => toInt(f.id)));
    const functionInModule = proto.function.map((f) => inModule(strings[toInt(f.name)], modulePath));
    // A frame is a distinct (function, line) pair; sites are keyed by frame numbers so that the
    // per-sample loop builds no strings.
    const frameFunction = [];
    const frameLine = [];
    const frameByFunctionLine = new Map();
    const frameOf = (fnPosition, line) => {
        let byLine = frameByFunctionLine.get(fnPosition);
        if (byLine === undefined) {
            byLine = new Map();
            frameByFunctionLine.set(fnPosition, byLine);
        }
        let frame = byLine.get(line);
        if (frame === undefined) {
            frame = frameFunction.length;
            frameFunction.push(fnPosition);
            frameLine.push(line);
            byLine.set(line, frame);
        }
        return frame;
    };
    const locationAt = positionsById(proto.location.map((l) => toInt(l.id)));
    // Per location: its leaf frame, the first in-module frame among its inlined callers (line[1..]),
    // and the first in-module frame among all its lines; -1 when there is none.
    const leafFrame = [];
    const moduleFrameAboveLeaf = [];
    const moduleFrame = [];
    for (const loc of proto.location) {
        let above = -1;
        let any = -1;
        loc.line.forEach((line, depth) => {
            const fn = functionAt(toInt(line.functionId));
            const frame = frameOf(fn, toInt(line.line));
            if (depth === 0)
                leafFrame.push(frame);
            if (fn >= 0 && functionInModule[fn]) {
                if (any < 0)
                    any = frame;
                if (depth > 0 && above < 0)
                    above = frame;
            }
        });
        // A location that was never symbolised has no lines: it becomes a frame named by its address,
        // recorded as function -1 with the location's position in place of a line number.
        if (loc.line.length === 0)
            leafFrame.push(frameOf(-1, leafFrame.length));
        moduleFrameAboveLeaf.push(above);
        moduleFrame.push(any);
    }
    const totals = { allocObjects: 0, allocBytes: 0, inuseObjects: 0, inuseBytes: 0 };
    const byKey = new Map();
    const keyStride = frameFunction.length + 1;
    for (const sample of proto.sample) {
        const v = sample.value;
        const allocObjects = toInt(v[iAllocObjects]);
        const allocBytes = toInt(v[iAllocBytes]);
        const inuseObjects = toInt(v[iInuseObjects]);
        const inuseBytes = toInt(v[iInuseBytes]);
        totals.allocObjects += allocObjects;
        totals.allocBytes += allocBytes;
        totals.inuseObjects += inuseObjects;
        totals.inuseBytes += inuseBytes;
        const ids = sample.locationId;
        if (ids.length === 0 || (allocObjects === 0 && allocBytes === 0 && inuseObjects === 0 && inuseBytes === 0))
            continue;
        const leafLocation = locationAt(toInt(ids[0]));
        if (leafLocation < 0)
            throw new ProfileError(source, `a sample refers to location ${ids[0]}, which is missing`);
        const leaf = leafFrame[leafLocation];
        let caller = -1;
        const leafFunction = frameFunction[leaf];
        if (modulePath !== '' && !(leafFunction >= 0 && functionInModule[leafFunction])) {
            caller = moduleFrameAboveLeaf[leafLocation];
            for (let j = 1; caller < 0 && j < ids.length; j++) {
                const at = locationAt(toInt(ids[j]));
                if (at >= 0)
                    caller = moduleFrame[at];
            }
        }
        const key = leaf * keyStride + caller + 1;
        const site = byKey.get(key);
        if (site === undefined) {
            byKey.set(key, { allocObjects, allocBytes, inuseObjects, inuseBytes, leaf, caller });
        }
        else {
            site.allocObjects += allocObjects;
            site.allocBytes += allocBytes;
            site.inuseObjects += inuseObjects;
            site.inuseBytes += inuseBytes;
        }
    }
    const frameAt = (frame) => {
        const f = proto.function[frameFunction[frame]];
        if (f !== undefined)
            return { function: strings[toInt(f.name)], file: strings[toInt(f.filename)], line: frameLine[frame] };
        const address = toInt(proto.location[frameLine[frame]]?.address ?? 0);
        return { function: `0x${address.toString(16)}`, file: '', line: 0 };
    };
    // Distinct function ids may share a name and file (merged profiles): merge by name once per site.
    const sites = new Map();
    for (const s of byKey.values()) {
        const at = frameAt(s.leaf);
        const caller = s.caller >= 0 ? frameAt(s.caller) : undefined;
        const name = `${at.function}\0${at.file}\0${at.line}` + (caller ? `\0${caller.function}\0${caller.file}\0${caller.line}` : '');
        const site = sites.get(name);
        if (site === undefined) {
            const values = { allocObjects: s.allocObjects, allocBytes: s.allocBytes, inuseObjects: s.inuseObjects, inuseBytes: s.inuseBytes };
            sites.set(name, caller === undefined ? { ...at, ...values } : { ...at, ...values, caller });
        }
        else {
            site.allocObjects += s.allocObjects;
            site.allocBytes += s.allocBytes;
            site.inuseObjects += s.inuseObjects;
            site.inuseBytes += s.inuseBytes;
        }
    }
    const sorted = [...sites.values()].sort((a, b) => b.inuseBytes - a.inuseBytes ||
        b.allocBytes - a.allocBytes ||
        a.function.localeCompare(b.function) ||
        a.file.localeCompare(b.file) ||
        a.line - b.line);
    return { totals, sites: sorted };
}

// RunResult: what one side (base or head) measured. Written as result.json; a published contract.
// Bump RESULT_SCHEMA_VERSION on any incompatible change and keep schema/result.schema.json in step.
const RESULT_SCHEMA_VERSION = 1;

var $schema = "http://json-schema.org/draft-07/schema#";
var $id = "https://github.com/org/go-leak-gate/dist/schemas/result.schema.json";
var title = "go-leak-gate result.json";
var type = "object";
var properties = {
	schemaVersion: {
		"const": 1
	},
	tool: {
		type: "object",
		properties: {
			name: {
				"const": "go-leak-gate"
			},
			version: {
				type: "string"
			}
		},
		required: [
			"name",
			"version"
		]
	},
	env: {
		type: "object",
		properties: {
			goVersion: {
				type: "string"
			},
			goos: {
				type: "string"
			},
			goarch: {
				type: "string"
			},
			cpu: {
				type: "string"
			},
			gomaxprocs: {
				type: "integer",
				minimum: 0
			},
			race: {
				type: "boolean"
			},
			module: {
				type: "string"
			},
			commit: {
				type: "string"
			},
			benchtime: {
				type: "string"
			},
			count: {
				type: "integer",
				minimum: 0
			}
		},
		required: [
			"goVersion",
			"goos",
			"goarch",
			"cpu",
			"gomaxprocs",
			"race",
			"module",
			"benchtime",
			"count"
		]
	},
	startedAt: {
		type: "string"
	},
	finishedAt: {
		type: "string"
	},
	packages: {
		type: "array",
		items: {
			type: "object",
			properties: {
				importPath: {
					type: "string"
				},
				dir: {
					type: "string"
				},
				build: {
					type: "object",
					properties: {
						ok: {
							type: "boolean"
						},
						command: {
							type: "array",
							items: {
								type: "string"
							}
						},
						error: {
							type: "string"
						}
					},
					required: [
						"ok",
						"command"
					]
				},
				benchmarks: {
					type: "array",
					items: {
						type: "object",
						properties: {
							name: {
								type: "string"
							},
							procs: {
								type: "integer",
								minimum: 0
							},
							runs: {
								type: "array",
								items: {
									type: "object",
									properties: {
										index: {
											type: "integer",
											minimum: 0
										},
										command: {
											type: "array",
											items: {
												type: "string"
											}
										},
										cwd: {
											type: "string"
										},
										iterations: {
											type: "integer",
											minimum: 0
										},
										metrics: {
											type: "object",
											additionalProperties: {
												type: "number"
											}
										},
										gc: {
											type: "object",
											properties: {
												stwPausesMs: {
													type: "array",
													items: {
														type: "number"
													}
												},
												cycles: {
													type: "integer",
													minimum: 0
												},
												measuredCycles: {
													type: "integer",
													minimum: 0
												},
												forcedCycles: {
													type: "integer",
													minimum: 0
												},
												liveHeapMB: {
													type: "number"
												}
											},
											required: [
												"stwPausesMs",
												"cycles",
												"measuredCycles",
												"forcedCycles"
											]
										},
										heap: {
											type: "object",
											properties: {
												inuseBytes: {
													type: "number"
												},
												inuseObjects: {
													type: "number"
												},
												profile: {
													type: "string"
												}
											},
											required: [
												"inuseBytes",
												"inuseObjects",
												"profile"
											]
										},
										wallMs: {
											type: "number"
										},
										live: {
											type: "object",
											properties: {
												heapBytes: {
													type: "number"
												},
												heapObjects: {
													type: "number"
												},
												goroutines: {
													type: "integer",
													minimum: 0
												}
											},
											required: [
												"heapBytes",
												"heapObjects",
												"goroutines"
											]
										}
									},
									required: [
										"index",
										"command",
										"cwd",
										"iterations",
										"metrics",
										"gc",
										"wallMs"
									]
								}
							},
							failure: {
								type: "object",
								properties: {
									run: {
										type: "integer",
										minimum: 0
									},
									message: {
										type: "string"
									},
									output: {
										type: "string"
									}
								},
								required: [
									"run",
									"message",
									"output"
								]
							},
							smallRuns: {
								type: "array",
								items: {
									type: "object",
									properties: {
										index: {
											type: "integer",
											minimum: 0
										},
										command: {
											type: "array",
											items: {
												type: "string"
											}
										},
										cwd: {
											type: "string"
										},
										iterations: {
											type: "integer",
											minimum: 0
										},
										metrics: {
											type: "object",
											additionalProperties: {
												type: "number"
											}
										},
										gc: {
											type: "object",
											properties: {
												stwPausesMs: {
													type: "array",
													items: {
														type: "number"
													}
												},
												cycles: {
													type: "integer",
													minimum: 0
												},
												measuredCycles: {
													type: "integer",
													minimum: 0
												},
												forcedCycles: {
													type: "integer",
													minimum: 0
												},
												liveHeapMB: {
													type: "number"
												}
											},
											required: [
												"stwPausesMs",
												"cycles",
												"measuredCycles",
												"forcedCycles"
											]
										},
										heap: {
											type: "object",
											properties: {
												inuseBytes: {
													type: "number"
												},
												inuseObjects: {
													type: "number"
												},
												profile: {
													type: "string"
												}
											},
											required: [
												"inuseBytes",
												"inuseObjects",
												"profile"
											]
										},
										wallMs: {
											type: "number"
										},
										live: {
											type: "object",
											properties: {
												heapBytes: {
													type: "number"
												},
												heapObjects: {
													type: "number"
												},
												goroutines: {
													type: "integer",
													minimum: 0
												}
											},
											required: [
												"heapBytes",
												"heapObjects",
												"goroutines"
											]
										}
									},
									required: [
										"index",
										"command",
										"cwd",
										"iterations",
										"metrics",
										"gc",
										"wallMs"
									]
								}
							},
							leaks: {
								type: "array",
								items: {
									type: "object",
									required: [
										"key",
										"looseKey",
										"state",
										"count"
									]
								}
							}
						},
						required: [
							"name",
							"procs",
							"runs"
						]
					}
				}
			},
			required: [
				"importPath",
				"dir",
				"build",
				"benchmarks"
			]
		}
	},
	errors: {
		type: "array",
		items: {
			type: "object",
			properties: {
				kind: {
					"enum": [
						"build",
						"toolchain",
						"profile",
						"output",
						"timeout",
						"internal",
						"probe",
						"load"
					]
				},
				subject: {
					type: "string"
				},
				message: {
					type: "string"
				},
				detail: {
					type: "string"
				}
			},
			required: [
				"kind",
				"subject",
				"message"
			]
		}
	},
	tests: {
		type: "array",
		description: "The test pass: per package, tests under -race with the goroutine-leak probe.",
		items: {
			type: "object",
			required: [
				"importPath",
				"dir",
				"build",
				"probe",
				"runs",
				"tests",
				"races",
				"leaks",
				"panics"
			],
			properties: {
				importPath: {
					type: "string"
				},
				dir: {
					type: "string"
				},
				build: {
					type: "object"
				},
				probe: {
					type: "boolean"
				},
				runs: {
					type: "array",
					items: {
						type: "object",
						required: [
							"purpose",
							"command",
							"outcome"
						],
						properties: {
							purpose: {
								"enum": [
									"tests",
									"race-benchmarks",
									"narrow"
								]
							},
							command: {
								type: "array",
								items: {
									type: "string"
								}
							},
							outcome: {
								"enum": [
									"pass",
									"fail",
									"timeout",
									"crash"
								]
							},
							exitCode: {
								type: [
									"integer",
									"null"
								]
							},
							wallMs: {
								type: "number"
							}
						}
					}
				},
				tests: {
					type: "array",
					items: {
						type: "object",
						properties: {
							name: {
								type: "string"
							},
							outcome: {
								"enum": [
									"pass",
									"fail",
									"skip"
								]
							}
						}
					}
				},
				races: {
					type: "array",
					items: {
						type: "object",
						required: [
							"key",
							"access",
							"previous"
						]
					}
				},
				leaks: {
					type: "array",
					items: {
						type: "object",
						required: [
							"key",
							"looseKey",
							"state",
							"count",
							"stack",
							"tests",
							"detectors"
						],
						properties: {
							blocking: {
								type: "object",
								properties: {
									"function": {
										type: "string"
									},
									file: {
										type: "string"
									},
									line: {
										type: "integer"
									}
								},
								required: [
									"function",
									"file",
									"line"
								]
							},
							creation: {
								type: "object",
								properties: {
									"function": {
										type: "string"
									},
									file: {
										type: "string"
									},
									line: {
										type: "integer"
									}
								},
								required: [
									"function",
									"file",
									"line"
								]
							},
							stack: {
								type: "array",
								items: {
									type: "object",
									properties: {
										"function": {
											type: "string"
										},
										file: {
											type: "string"
										},
										line: {
											type: "integer"
										}
									},
									required: [
										"function",
										"file",
										"line"
									]
								}
							}
						}
					}
				},
				hang: {
					type: "object",
					required: [
						"message",
						"groups"
					]
				},
				panics: {
					type: "array",
					items: {
						type: "object",
						required: [
							"value",
							"frames"
						]
					}
				},
				narrowing: {
					type: "object",
					properties: {
						ran: {
							type: "integer"
						},
						of: {
							type: "integer"
						},
						cut: {
							type: "boolean"
						}
					}
				}
			}
		}
	},
	loads: {
		description: "Load jobs: a service under traffic, round by round, with a snapshot after each round.",
		type: "array",
		items: {
			type: "object",
			properties: {
				name: {
					type: "string"
				},
				service: {
					type: "object",
					properties: {
						"package": {
							type: "string"
						},
						command: {
							type: "array",
							items: {
								type: "string"
							}
						},
						race: {
							type: "boolean"
						},
						build: {
							type: "object",
							properties: {
								ok: {
									type: "boolean"
								},
								command: {
									type: "array",
									items: {
										type: "string"
									}
								},
								error: {
									type: "string"
								}
							},
							required: [
								"ok",
								"command"
							]
						},
						leakProfile: {
							type: "boolean"
						},
						stop: {
							type: "object",
							properties: {
								killed: {
									type: "boolean"
								},
								exitCode: {
									type: [
										"integer",
										"null"
									]
								},
								signal: {
									type: [
										"string",
										"null"
									]
								}
							},
							required: [
								"killed",
								"exitCode",
								"signal"
							]
						}
					},
					required: [
						"command",
						"race",
						"leakProfile"
					]
				},
				traffic: {
					type: "object",
					properties: {
						kind: {
							"enum": [
								"embedded",
								"command"
							]
						},
						concurrency: {
							type: "integer",
							minimum: 1
						},
						rate: {
							type: "number"
						}
					},
					required: [
						"kind"
					]
				},
				phases: {
					type: "array",
					items: {
						type: "object",
						properties: {
							phase: {
								"enum": [
									"warmup",
									"round"
								]
							},
							round: {
								type: "integer",
								minimum: 0
							},
							requests: {
								type: [
									"integer",
									"null"
								],
								minimum: 0
							},
							errors: {
								type: [
									"integer",
									"null"
								],
								minimum: 0
							},
							errorKinds: {
								type: "object",
								additionalProperties: {
									type: "integer",
									minimum: 0
								}
							},
							durationMs: {
								type: "number"
							},
							throughput: {
								type: [
									"number",
									"null"
								]
							},
							latencyMs: {
								type: "object",
								properties: {
									p50: {
										type: "number"
									},
									p90: {
										type: "number"
									},
									p99: {
										type: "number"
									},
									max: {
										type: "number"
									},
									mean: {
										type: "number"
									}
								},
								required: [
									"p50",
									"p90",
									"p99",
									"max",
									"mean"
								]
							},
							gcPausesMs: {
								type: "array",
								items: {
									type: "number"
								}
							},
							gcCycles: {
								type: "integer",
								minimum: 0
							},
							mallocs: {
								type: "number"
							},
							allocBytes: {
								type: "number"
							},
							command: {
								type: "object",
								properties: {
									exitCode: {
										type: [
											"integer",
											"null"
										]
									},
									output: {
										type: "string"
									}
								},
								required: [
									"exitCode",
									"output"
								]
							}
						},
						required: [
							"phase",
							"round",
							"requests",
							"errors",
							"durationMs",
							"throughput",
							"gcPausesMs",
							"gcCycles"
						]
					}
				},
				snapshots: {
					type: "array",
					items: {
						type: "object",
						properties: {
							phase: {
								"enum": [
									"ready",
									"warmup",
									"round"
								]
							},
							round: {
								type: "integer",
								minimum: 0
							},
							requestsBefore: {
								type: [
									"integer",
									"null"
								],
								minimum: 0
							},
							goroutines: {
								type: "integer",
								minimum: 0
							},
							groups: {
								type: "array",
								items: {
									type: "object",
									required: [
										"key",
										"looseKey",
										"state",
										"count",
										"stack",
										"tests",
										"detectors"
									],
									properties: {
										blocking: {
											type: "object",
											properties: {
												"function": {
													type: "string"
												},
												file: {
													type: "string"
												},
												line: {
													type: "integer"
												}
											},
											required: [
												"function",
												"file",
												"line"
											]
										},
										creation: {
											type: "object",
											properties: {
												"function": {
													type: "string"
												},
												file: {
													type: "string"
												},
												line: {
													type: "integer"
												}
											},
											required: [
												"function",
												"file",
												"line"
											]
										},
										stack: {
											type: "array",
											items: {
												type: "object",
												properties: {
													"function": {
														type: "string"
													},
													file: {
														type: "string"
													},
													line: {
														type: "integer"
													}
												},
												required: [
													"function",
													"file",
													"line"
												]
											}
										}
									}
								}
							},
							heapAllocBytes: {
								type: "number"
							},
							heapObjects: {
								type: "number"
							},
							heapSites: {
								type: "array",
								items: {
									type: "object",
									properties: {
										"function": {
											type: "string"
										},
										file: {
											type: "string"
										},
										line: {
											type: "integer"
										},
										inuseBytes: {
											type: "number"
										},
										inuseObjects: {
											type: "number"
										},
										allocBytes: {
											type: "number"
										},
										allocObjects: {
											type: "number"
										},
										caller: {
											type: "object",
											properties: {
												"function": {
													type: "string"
												},
												file: {
													type: "string"
												},
												line: {
													type: "integer"
												}
											},
											required: [
												"function",
												"file",
												"line"
											]
										}
									},
									required: [
										"function",
										"file",
										"line",
										"inuseBytes",
										"inuseObjects",
										"allocBytes",
										"allocObjects"
									]
								}
							},
							rssBytes: {
								type: [
									"number",
									"null"
								]
							},
							fds: {
								type: [
									"integer",
									"null"
								],
								minimum: 0
							},
							fdTargets: {
								type: "object",
								additionalProperties: {
									type: "integer",
									minimum: 0
								}
							},
							leakedGoroutines: {
								type: "integer",
								minimum: 0
							},
							profiles: {
								type: "object",
								properties: {
									goroutine: {
										type: "string"
									},
									heap: {
										type: "string"
									}
								}
							}
						},
						required: [
							"phase",
							"round",
							"requestsBefore",
							"goroutines",
							"groups",
							"heapAllocBytes",
							"heapObjects",
							"heapSites",
							"rssBytes",
							"fds",
							"fdTargets"
						]
					}
				},
				races: {
					type: "array",
					items: {
						type: "object",
						required: [
							"key",
							"access",
							"previous"
						]
					}
				},
				error: {
					type: "object",
					properties: {
						kind: {
							"enum": [
								"config",
								"run"
							]
						},
						phase: {
							type: "string"
						},
						message: {
							type: "string"
						},
						detail: {
							type: "string"
						}
					},
					required: [
						"kind",
						"phase",
						"message"
					]
				},
				crash: {
					type: "object",
					properties: {
						value: {
							type: "string"
						},
						frames: {
							type: "array",
							items: {
								type: "object",
								properties: {
									"function": {
										type: "string"
									},
									file: {
										type: "string"
									},
									line: {
										type: "integer"
									}
								},
								required: [
									"function",
									"file",
									"line"
								]
							}
						}
					},
					required: [
						"value",
						"frames"
					]
				},
				notes: {
					type: "array",
					items: {
						type: "string"
					}
				},
				wallMs: {
					type: "number"
				}
			},
			required: [
				"name",
				"service",
				"traffic",
				"phases",
				"snapshots",
				"races",
				"notes",
				"wallMs"
			]
		}
	}
};
var required = [
	"schemaVersion",
	"tool",
	"env",
	"startedAt",
	"finishedAt",
	"packages",
	"errors"
];
var RESULT_SCHEMA = {
	$schema: $schema,
	$id: $id,
	title: title,
	type: type,
	properties: properties,
	required: required
};

const ajv = new ajvExports.Ajv({ allErrors: false, strict: false });
const validateResult = ajv.compile(RESULT_SCHEMA);
const RESULT_FILE = 'result.json';
async function writeResult(dir, result) {
    await mkdir(dir, { recursive: true });
    const path = join(dir, RESULT_FILE);
    await writeFile(path, JSON.stringify(result, null, 2) + '\n');
    return path;
}
/** Reads and validates a result directory written by `run` (or by a stored baseline). */
async function readResult(dir) {
    const path = join(dir, RESULT_FILE);
    let text;
    try {
        text = await readFile(path, 'utf8');
    }
    catch (err) {
        throw new UsageError(`${path} cannot be read (${err.code ?? 'error'}): give a directory written by 'go-leak-gate run'`);
    }
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (err) {
        throw new UsageError(`${path} is not valid JSON: ${err.message}`);
    }
    const version = value?.schemaVersion;
    if (version !== RESULT_SCHEMA_VERSION) {
        throw new UsageError(`${path} has schemaVersion ${JSON.stringify(version)}; this go-leak-gate reads version ${RESULT_SCHEMA_VERSION}`);
    }
    if (!validateResult(value)) {
        const e = validateResult.errors?.[0];
        throw new UsageError(`${path} does not match the result schema: ${e?.instancePath || '(top)'} ${e?.message ?? ''}`);
    }
    return value;
}

function measureFor(f) {
    if (f.kind === 'heap-leak')
        return 'inuseBytes';
    if (f.kind !== 'regression')
        return undefined;
    if (f.unit === 'allocs/op')
        return 'allocObjects';
    if (f.unit === 'B/op')
        return 'allocBytes';
    return undefined;
}
function benchmarkOf(r, pkg, name) {
    return r.packages.find((p) => p.importPath === pkg)?.benchmarks.find((b) => b.name === name);
}
/** Decodes each run's memory profile once; a profile that cannot be read is noted and skipped. */
async function profiledRuns(dir, result, bench, notes) {
    const runs = [];
    for (const run of bench.runs) {
        if (!run.heap)
            continue;
        const file = join(dir, run.heap.profile);
        try {
            const profile = decodeProfile(await readFile(file), file);
            const { sites } = heapSites(profile, { modulePath: result.env.module });
            runs.push({ iterations: run.iterations, sites: relativeSites(sites, result.env.module) });
        }
        catch (err) {
            notes.push(`memory profile ${file} skipped for attribution: ${err.message}`);
        }
    }
    return runs;
}
/**
 * Attaches the allocation sites responsible to every allocation and retained-heap finding, and marks the
 * lines the pull request changed when the source diff is known.
 */
async function attachAllocationSites(report, base, head, diff) {
    const cache = new Map();
    for (const f of report.findings) {
        const measure = measureFor(f);
        if (!measure)
            continue;
        const key = `${f.pkg}\u0000${f.subject}`;
        let runs = cache.get(key);
        if (!runs) {
            const bb = benchmarkOf(base, f.pkg, f.subject);
            const hb = benchmarkOf(head, f.pkg, f.subject);
            if (!bb || !hb)
                continue;
            runs = {
                base: await profiledRuns(report.base.dir, base, bb, report.notes),
                head: await profiledRuns(report.head.dir, head, hb, report.notes)
            };
            cache.set(key, runs);
        }
        f.locations = attributeGrowth(runs.base, runs.head, measure, { mapBaseLine: diff?.toHead });
        if (diff)
            for (const l of f.locations)
                l.inDiff = diff.changedInHead(l.file, l.line);
    }
    if (!diff && report.findings.some((f) => measureFor(f))) {
        report.notes.push('The base and head commits are not both in this repository: allocation sites were matched by function, not by line.');
    }
}
/**
 * Compares two results and attaches allocation sites; a refused comparison (race mode differs) is a
 * usage error. `diff` is the source diff between the sides, when it can be had.
 */
async function compareWithSites(input, diff) {
    let report;
    try {
        report = compareResults(input);
    }
    catch (err) {
        if (err instanceof ComparisonRefused)
            throw new UsageError(err.message);
        throw err;
    }
    await attachAllocationSites(report, input.base, input.head, await diff());
    return report;
}
async function compareDirs(baseDir, headDir, config, deps) {
    const [base, head] = await Promise.all([readResult(baseDir), readResult(headDir)]);
    return compareWithSites({ base, head, baseDir, headDir, config }, () => readSourceDiff(deps.run, deps.repoDir, base.env.commit, head.env.commit));
}

// The Go source go-leak-gate adds to every package it builds (through go test -overlay, never on disk in the
// user's tree). __PACKAGE__ is replaced by the package clause's name. Kept as a string so the bundle
// carries it; test/go/overlay.test.ts builds it with the real toolchain.
const PROBE_SOURCE = String.raw `// Code generated by go-leak-gate. DO NOT EDIT. Added to the package at build time through go test -overlay;
// the user's files stay untouched. It runs once, after the tests or benchmarks of the process have ended,
// and only when GO_LEAK_GATE_PROBE names a file to write.

package __PACKAGE__

import (
	"bytes"
	"encoding/json"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"
	"testing"
	"time"
)

var glgProbeOnce sync.Once

// glgIgnored are goroutines the Go runtime and standard library keep for the whole process.
var glgIgnored = []string{
	"os/signal.signal_recv",
	"os/signal.loop",
	"runtime.ensureSigM",
	"runtime/trace.Start",
	"testing.(*M).startAlarm",
	"testing.runFuzzing",
}

// glgOthers counts the goroutines other than the caller's and the always-present ones.
func glgOthers(dump string) int {
	n := 0
	for i, block := range strings.Split(dump, "\n\n") {
		if i == 0 || strings.TrimSpace(block) == "" {
			continue // the first block is the goroutine running this probe
		}
		ignored := false
		for _, fn := range glgIgnored {
			if strings.Contains(block, fn) {
				ignored = true
				break
			}
		}
		if !ignored {
			n++
		}
	}
	return n
}

func glgStacks() string {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			return string(buf[:n])
		}
		if len(buf) >= 64<<20 {
			return string(buf[:n]) // bounded: a dump of 100k goroutines is cut, and says so by its size
		}
		buf = make([]byte, 2*len(buf))
	}
}

func glgProbe() {
	glgProbeOnce.Do(func() {
		path := os.Getenv("GO_LEAK_GATE_PROBE")
		if path == "" {
			return
		}
		start := time.Now()
		settle, _ := time.ParseDuration(os.Getenv("GO_LEAK_GATE_SETTLE"))
		// Goroutines that are finishing need a moment to exit; leaked ones never do. Retry with backoff,
		// as goleak does, until only the always-present goroutines remain or the settle time is up.
		dump := glgStacks()
		for wait := time.Millisecond; glgOthers(dump) > 0 && time.Since(start)+wait <= settle; wait *= 2 {
			time.Sleep(wait)
			if wait > 100*time.Millisecond {
				wait = 100 * time.Millisecond
			}
			dump = glgStacks()
		}
		settled := time.Since(start)
		var leak *string
		if p := pprof.Lookup("goroutineleak"); p != nil {
			var b bytes.Buffer
			if err := p.WriteTo(&b, 2); err == nil {
				s := b.String()
				leak = &s
			}
		}
		runtime.GC()
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		out, _ := json.Marshal(map[string]any{
			"heapAllocBytes": ms.HeapAlloc,
			"heapObjects":    ms.HeapObjects,
			"numGoroutine":   runtime.NumGoroutine(),
			"goroutines":     dump,
			"leakProfile":    leak,
			"settledMs":      float64(settled.Microseconds()) / 1000,
		})
		_ = os.WriteFile(path, out, 0o644)
	})
}

// glgExit runs the probe before the user's TestMain exits the process.
func glgExit(exit func(int)) func(int) {
	return func(code int) {
		glgProbe()
		exit(code)
	}
}

var _ = testing.Main // keeps the testing import used in every variant
`;

const PROBE_FILE = 'zz_goleakgate_probe_test.go';
const TEST_MAIN = /^func\s+TestMain\s*\(/m;
const PACKAGE_CLAUSE = /^package\s+([A-Za-z_][A-Za-z0-9_]*)/m;
/**
 * What to overlay on one package so that, after its tests or benchmarks, the probe records the live heap
 * and every goroutine still alive. A package's own TestMain is kept: it is renamed and called from ours,
 * and its os.Exit goes through the probe first (teardown in TestMain may stop goroutines legitimately).
 */
async function probeFilesFor(pkg) {
    const files = new Map();
    for (const f of pkg.testFiles) {
        const path = join(pkg.dir, f);
        const text = await readFile(path, 'utf8').catch(() => '');
        if (!TEST_MAIN.test(text))
            continue;
        const clause = PACKAGE_CLAUSE.exec(text)?.[1] ?? pkg.name;
        const wrapped = text.replace(TEST_MAIN, 'func glgUserTestMain(').replace(/\bos\.Exit\(/g, 'glgExit(os.Exit)(');
        files.set(path, wrapped);
        const probe = PROBE_SOURCE.replace('__PACKAGE__', clause) + '\nfunc TestMain(m *testing.M) {\n\tglgUserTestMain(m)\n\tglgProbe()\n}\n';
        files.set(join(pkg.dir, PROBE_FILE), probe);
        return { files, mode: 'wraps-testmain' };
    }
    // Returning from TestMain makes the test binary exit with m.Run's code (Go 1.15 and later).
    const probe = PROBE_SOURCE.replace('__PACKAGE__', pkg.name) + '\nfunc TestMain(m *testing.M) {\n\tm.Run()\n\tglgProbe()\n}\n';
    files.set(join(pkg.dir, PROBE_FILE), probe);
    return { files, mode: 'own-testmain' };
}
/** Writes the backing files and the overlay JSON for go build -overlay; returns the JSON's path. */
async function writeOverlay(all, dir) {
    await mkdir(dir, { recursive: true });
    const replace = {};
    let i = 0;
    for (const [target, source] of all) {
        const backing = join(dir, `${i++}-${target.split('/').pop() ?? 'file.go'}`);
        await writeFile(backing, source);
        replace[target] = backing;
    }
    const path = join(dir, 'overlay.json');
    await writeFile(path, JSON.stringify({ Replace: replace }, null, 2));
    return path;
}

/** The file name go test -c -o DIR/ gives a package's test binary: its last path element, skipping a /vN suffix. */
function defaultBinaryName(importPath) {
    const parts = importPath.split('/');
    let last = parts[parts.length - 1];
    if (/^v\d+$/.test(last) && parts.length > 1)
        last = parts[parts.length - 2];
    return `${last}.test`;
}
/**
 * Go refuses to write two test binaries of the same name into one -o directory, so packages are split
 * into batches whose default names are unique; one go invocation per batch shares the package loading.
 */
function batchesByName(pkgs) {
    const batches = [];
    for (const p of pkgs) {
        const name = defaultBinaryName(p.importPath);
        let b = batches.find((x) => !x.names.has(name));
        if (!b) {
            b = { names: new Set(), pkgs: [] };
            batches.push(b);
        }
        b.names.add(name);
        b.pkgs.push(p);
    }
    return batches.map((b) => b.pkgs);
}
async function exists(path) {
    return access$1(path).then(() => true, () => false);
}
function buildArgv(tc, opts, overlay, out, importPaths) {
    // No '--' here: go test hands everything after it to the test binary, not to the package list.
    // -trimpath names files module-relative, identical for the base worktree and the head checkout, so the
    // two sides' allocation sites line up in a profile diff.
    const flags = [...(opts.race ? ['-race'] : []), ...(overlay ? [`-overlay=${overlay}`] : [])];
    return [tc.go, 'test', '-c', '-trimpath', ...flags, '-o', out, ...importPaths];
}
async function probeOverlay(pkgs, outDir) {
    if (pkgs.length === 0)
        return undefined;
    const all = new Map();
    for (const p of pkgs)
        for (const [path, text] of (await probeFilesFor(p)).files)
            all.set(path, text);
    return writeOverlay(all, join(outDir, 'overlay'));
}
async function buildTestBinaries(run, tc, moduleDir, pkgs, outDir, opts) {
    const results = [];
    const loadable = pkgs.filter((p) => {
        if (!p.loadError)
            return true;
        results.push({ pkg: p, probe: false, build: { ok: false, command: ['go', 'list', p.importPath], error: p.loadError } });
        return false;
    });
    const overlay = opts.probe ? await probeOverlay(loadable, outDir) : undefined;
    const failed = [];
    for (const [i, batch] of batchesByName(loadable).entries()) {
        const dir = join(outDir, `batch${i}`);
        await mkdir(dir, { recursive: true });
        const argv = buildArgv(tc, opts, overlay, dir + '/', batch.map((p) => p.importPath));
        await run({ argv, cwd: moduleDir, env: { ...process.env, ...opts.env }, timeoutMs: 30 * 60_000 });
        for (const p of batch) {
            const binary = join(dir, defaultBinaryName(p.importPath));
            if (await exists(binary))
                results.push({ pkg: p, binary, probe: overlay !== undefined, build: { ok: true, command: argv } });
            else
                failed.push(p);
        }
    }
    // Build the failures one by one: the message then belongs to exactly one package. A package that builds
    // only without the probe (a name clash with the probe's, say) is measured without it.
    for (const p of failed) {
        const out = join(outDir, 'single', p.importPath.replace(/[^A-Za-z0-9._-]/g, '_') + '.test');
        const attempt = async (withOverlay) => {
            const argv = buildArgv(tc, opts, withOverlay, out, [p.importPath]);
            const r = await run({ argv, cwd: moduleDir, env: { ...process.env, ...opts.env }, timeoutMs: 30 * 60_000 });
            return { argv, ok: r.code === 0 && (await exists(out)), error: (r.stderr + r.stdout).trim() || describeExit(r) };
        };
        const first = await attempt(overlay);
        if (first.ok) {
            results.push({ pkg: p, binary: out, probe: overlay !== undefined, build: { ok: true, command: first.argv } });
            continue;
        }
        const plain = overlay ? await attempt(undefined) : first;
        if (plain.ok) {
            results.push({ pkg: p, binary: out, probe: false, probeError: first.error, build: { ok: true, command: plain.argv } });
        }
        else {
            results.push({ pkg: p, probe: false, build: { ok: false, command: plain.argv, error: plain.error } });
        }
    }
    const order = new Map(pkgs.map((p, i) => [p.importPath, i]));
    return results.sort((a, b) => (order.get(a.pkg.importPath) ?? 0) - (order.get(b.pkg.importPath) ?? 0));
}

/** go list -json prints a stream of JSON objects, not an array. */
function splitJsonStream(text) {
    const out = [];
    let depth = 0;
    let start = -1;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (inString) {
            if (c === '\\')
                i++;
            else if (c === '"')
                inString = false;
            continue;
        }
        if (c === '"')
            inString = true;
        else if (c === '{') {
            if (depth === 0)
                start = i;
            depth++;
        }
        else if (c === '}') {
            depth--;
            if (depth === 0 && start >= 0)
                out.push(JSON.parse(text.slice(start, i + 1)));
        }
    }
    return out;
}
async function readModule(run, tc, dir) {
    const r = await run({ argv: [tc.go, 'list', '-m', '-json'], cwd: dir, timeoutMs: 120_000 });
    if (r.code !== 0) {
        throw new RunError(`${dir} is not a Go module (go list -m: ${describeExit(r)})`, r.stderr.trim());
    }
    const [mod] = splitJsonStream(r.stdout);
    if (!mod)
        throw new RunError(`go list -m printed no module for ${dir}`);
    return { path: mod.Path, dir: mod.Dir };
}
/**
 * Lists the packages matching the patterns and keeps those with test files ('tests'), or those whose test
 * files declare a benchmark ('benchmarks'). Reading the files is only a filter that saves building test
 * binaries for nothing; the binary's own -test.list is the truth about which benchmarks exist.
 */
async function listTestPackages(run, tc, moduleDir, patterns, want) {
    const r = await run({
        argv: [tc.go, 'list', '-e', '-json=ImportPath,Name,Dir,TestGoFiles,XTestGoFiles,Error,DepsErrors,Module', ...patterns],
        cwd: moduleDir,
        timeoutMs: 300_000
    });
    if (r.code !== 0 && r.stdout.trim() === '') {
        throw new RunError(`go list ${patterns.join(' ')} failed in ${moduleDir} (${describeExit(r)})`, r.stderr.trim());
    }
    const listed = splitJsonStream(r.stdout);
    const pkgs = [];
    for (const p of listed) {
        const testFiles = [...(p.TestGoFiles ?? []), ...(p.XTestGoFiles ?? [])];
        const relDir = relative$1(moduleDir, p.Dir) || '.';
        if (testFiles.length === 0)
            continue;
        if (want === 'benchmarks' && !(await declaresBenchmark(p.Dir, testFiles)))
            continue;
        const pkg = { importPath: p.ImportPath, name: p.Name ?? p.ImportPath.split('/').pop() ?? 'main', dir: p.Dir, relDir, testFiles };
        if (p.Error?.Err)
            pkg.loadError = p.Error.Err;
        pkgs.push(pkg);
    }
    return pkgs;
}
const BENCH_DECL = /^func\s+Benchmark\w*\s*\(/m;
async function declaresBenchmark(dir, files) {
    for (const f of files) {
        const text = await readFile(join(dir, f), 'utf8').catch(() => '');
        if (BENCH_DECL.test(text))
            return true;
    }
    return false;
}

const MS = '(\\d+(?:\\.\\d+)?)';
// gc N @Ts P%[ (checking for goroutine leaks)]: A+B+C ms clock, <cpu> ms cpu, H0->H1->H2 MB,
// G MB goal, [S MB stacks, G MB globals, ]N P[ (forced)]. The fields between goal and P came and
// went across Go versions, so any are accepted there.
const GC_LINE = new RegExp(`^gc (\\d+) @${MS}s (\\d+)%(?: \\([^)]*\\))?: ${MS}\\+${MS}\\+${MS} ms clock, [^,]* ms cpu, ` +
    '(\\d+)->(\\d+)->(\\d+) MB, (\\d+) MB goal, (?:[^,]*, )*?(\\d+) P( \\(forced\\))?$');
const GC_LINE_INSIDE = /.gc \d+ @\d+(?:\.\d+)?s \d+%/;
/** Reads gctrace lines from a process's stderr; every other line is skipped. */
function parseGctrace(text) {
    const lines = splitLines(text);
    const trace = { cycles: [], problems: [] };
    // A gap in cycle numbers means lines were lost; only say so when no problem line explains it.
    let problemSinceLastCycle = false;
    lines.forEach((line, i) => {
        if (!line.startsWith('gc ')) {
            // The runtime writes a trace line in pieces; a program writing to stderr at the same time
            // can glue its text in front. The cycle is then lost: say so rather than miscount.
            if (GC_LINE_INSIDE.test(line)) {
                trace.problems.push({ line: i + 1, text: line, reason: 'gctrace line joined to other output' });
                problemSinceLastCycle = true;
            }
            return;
        }
        const m = GC_LINE.exec(line);
        if (m === null) {
            trace.problems.push({ line: i + 1, text: line, reason: 'starts like a gctrace line but does not parse' });
            problemSinceLastCycle = true;
            return;
        }
        const cycle = {
            n: Number(m[1]),
            atSec: Number(m[2]),
            cpuPercent: Number(m[3]),
            stwSweepTermMs: Number(m[4]),
            concurrentMarkMs: Number(m[5]),
            stwMarkTermMs: Number(m[6]),
            heapStartMB: Number(m[7]),
            heapEndMB: Number(m[8]),
            heapLiveMB: Number(m[9]),
            goalMB: Number(m[10]),
            procs: Number(m[11]),
            forced: m[12] !== undefined
        };
        const previous = trace.cycles[trace.cycles.length - 1];
        if (previous !== undefined && cycle.n !== previous.n + 1 && !problemSinceLastCycle) {
            trace.problems.push({
                line: i + 1,
                text: line,
                reason: `cycle ${cycle.n} follows cycle ${previous.n}: lines are missing from the trace`
            });
        }
        trace.cycles.push(cycle);
        problemSinceLastCycle = false;
    });
    return trace;
}
/**
 * Summarises the GC of one benchmark process.
 *
 * testing forces a GC before every b.N run (and the top-level runner forces one before the first
 * benchmark), and -test.memprofile forces one more at exit. In the trace of a one-benchmark process
 * the measured run is therefore the stretch of cycles between the last two forced cycles. When the
 * trace has fewer forced cycles than that, the measured run is taken to reach back to the start of
 * the trace (no forced cycle at all: everything is measured, as for a process that is not a test
 * binary; only the profile's cycle: everything before it). When the trace does not end in a forced
 * cycle (the process died, or memprofile is false), the measured run is what follows the last
 * forced cycle. A benchmark written with b.Loop ramps up inside a single run, so for a time-based
 * -benchtime its ramp-up is part of that stretch. A cycle the run's allocation started may end
 * after the b.N loop did; it still counts as the run's (Go 1.26: about 1 run in 12 has one).
 */
function summarizeGc(cycles, opts = {}) {
    const stwPausesMs = [];
    let allocationCycles = 0;
    for (const cycle of cycles) {
        if (cycle.forced)
            continue;
        allocationCycles++;
        // Sweep termination and mark termination are two separate stops, with the program running
        // (concurrent mark) in between: a latency percentile must see two short pauses, not one long
        // one that never happened. runtime/metrics /sched/pauses/total/gc:seconds records them one by one
        // too (MemStats.PauseNs sums them per cycle).
        stwPausesMs.push(cycle.stwSweepTermMs, cycle.stwMarkTermMs);
    }
    const last = cycles[cycles.length - 1];
    const endsInProfileGc = (opts.memprofile ?? true) && last !== undefined && last.forced;
    const end = endsInProfileGc ? cycles.length - 1 : cycles.length;
    let start = end - 1;
    while (start >= 0 && !cycles[start].forced)
        start--;
    const measured = cycles.slice(start + 1, end);
    const summary = {
        stwPausesMs,
        cycles: allocationCycles,
        measuredCycles: measured.length,
        forcedCycles: cycles.length - allocationCycles
    };
    const lastMeasured = measured[measured.length - 1];
    if (lastMeasured !== undefined)
        summary.liveHeapMB = lastMeasured.heapLiveMB;
    return summary;
}

// Kept equal to package.json's version by a test; written into every result and report.
const VERSION = '0.1.0';

/**
 * Splits a -bench regular expression into its per-level parts the way the testing package does:
 * on every '/' that is not inside brackets, parentheses or escaped. Level 0 matches top-level
 * benchmark names, level 1 their sub-benchmarks, and so on.
 */
function splitBenchRegex(re) {
    const parts = [];
    let depth = 0;
    let inClass = false;
    let start = 0;
    for (let i = 0; i < re.length; i++) {
        const c = re[i];
        if (c === '\\') {
            i++;
            continue;
        }
        if (inClass) {
            if (c === ']')
                inClass = false;
            continue;
        }
        if (c === '[')
            inClass = true;
        else if (c === '(')
            depth++;
        else if (c === ')')
            depth = Math.max(0, depth - 1);
        else if (c === '/' && depth === 0) {
            parts.push(re.slice(start, i));
            start = i + 1;
        }
    }
    parts.push(re.slice(start));
    return parts;
}

// Pieces shared by the readers of Go stack text: goroutine dumps (a function line, then a tab and
// `file:line +0xPC`) and race reports (the same pair, indented by spaces).
// `name(args)`: Go prints argument words (`0x1`, `{...}`, `?`, `...`) inside the last parentheses and
// never puts a space or parenthesis in a name except the receiver's `(*T)`, so the name is what comes
// before the last `(`.
const CALL = /^(\S+?)\([^()]*\)$/;
// The position after a function line: `file:line`, then ` +0xPC` (not for inlined frames) and, in
// crash dumps, ` fp=0x.. sp=0x.. pc=0x..`. The path is greedy so a `:` inside it (C:\...) stays in it.
const POSITION = /^(.+):(\d+)(?: (.*))?$/;
/** The function a call line names, without its arguments; undefined when the line is not a call. */
function readCall(line) {
    const call = CALL.exec(line);
    return call === null ? undefined : call[1];
}
/**
 * Reads the `file:line` of a frame from its position line, indentation already removed. `complete`
 * says whether text follows the number (` +0x..`): when a dump is cut inside this line, only then is
 * the number known to be whole.
 */
function readPosition(text) {
    const position = POSITION.exec(text);
    if (position === null)
        return undefined;
    const rest = position[3];
    if (rest !== undefined && !rest.startsWith('+0x') && !rest.startsWith('fp='))
        return undefined;
    return { file: position[1], line: Number(position[2]), complete: rest !== undefined };
}
/**
 * The import path of a function's package: `example.com/mod/pkg` for `example.com/mod/pkg.(*T).M`.
 * Type arguments are cut first: a race report names `F[go.shape.*example.com/x.T]`, whose slashes are
 * not the package's.
 */
function packageOf(fn) {
    const bracket = fn.indexOf('[');
    const name = bracket >= 0 ? fn.slice(0, bracket) : fn;
    const slash = name.lastIndexOf('/');
    const dot = name.indexOf('.', slash + 1);
    return dot >= 0 ? name.slice(0, dot) : name;
}
/**
 * Whether a function is the user's code rather than the Go distribution's. With a module path, its
 * packages; else anything outside the standard library. Either way package main counts as the user's
 * (a service built with -race names its handlers `main.handle`), except the `main.main` that go test
 * generates.
 */
function isUserFunction(fn, file, modulePath) {
    if (fn.startsWith('main.'))
        return !file.endsWith('_testmain.go');
    if (modulePath !== undefined && modulePath !== '')
        return inModule(fn, modulePath);
    return !isStandardLibrary(fn);
}

// What a parsed goroutine means for leak and hang reports: where it waits, an identity that survives
// between runs (base and head), groups of goroutines stuck in the same place, and the goroutines that
// are never leaks.
// Packages a goroutine blocks through rather than in: the user's wait site is further out.
const WAIT_MACHINERY = new Set(['runtime', 'sync', 'sync/atomic', 'time', 'testing']);
function isRuntimePackage(pkg) {
    return pkg === 'runtime' || pkg.startsWith('runtime/') || pkg.startsWith('internal/runtime/');
}
function isStdInternal(pkg) {
    return pkg === 'internal' || pkg.startsWith('internal/') || (isStandardLibrary(pkg) && pkg.includes('/internal/'));
}
// Functions the runtime links into other packages to park goroutines: sync.runtime_Semacquire,
// internal/poll.runtime_pollWait.
function isRuntimeHook(fn, pkg) {
    return fn.startsWith(`${pkg}.runtime_`);
}
/**
 * The frame a goroutine waits in: with a module path, the innermost frame of the module (the user's
 * line that is waiting, possibly through a library); otherwise, or when the module has no frame, the
 * innermost frame outside runtime, std internal packages, sync, time and testing. A goroutine that
 * only has such frames (testing's own waits, the runtime's goroutines in a crash dump) gets its
 * innermost frame outside the runtime, then simply its innermost frame.
 */
function blockingFrame(g, opts = {}) {
    if (opts.modulePath !== undefined && opts.modulePath !== '') {
        const own = g.frames.find((f) => isUserFunction(f.function, f.file, opts.modulePath));
        if (own !== undefined)
            return own;
    }
    const outside = g.frames.find((f) => {
        const pkg = packageOf(f.function);
        return !WAIT_MACHINERY.has(pkg) && !isRuntimePackage(pkg) && !isStdInternal(pkg) && !isRuntimeHook(f.function, pkg);
    });
    if (outside !== undefined)
        return outside;
    const notRuntime = g.frames.find((f) => {
        const pkg = packageOf(f.function);
        return !isRuntimePackage(pkg) && !isStdInternal(pkg) && !isRuntimeHook(f.function, pkg);
    });
    return notRuntime ?? g.frames[0];
}
function site(f, withLine) {
    if (f === undefined)
        return '?';
    return withLine ? `${f.function} ${f.file}:${f.line}` : `${f.function} ${f.file}`;
}
/** See LeakSignature. Never includes goroutine ids (neither this one's nor its creator's). */
function leakSignature(g, opts = {}) {
    const blocking = blockingFrame(g, opts);
    const creation = g.createdBy === undefined ? undefined : { function: g.createdBy.function, file: g.createdBy.file, line: g.createdBy.line };
    const key = (withLine) => `${g.state} | ${site(blocking, withLine)} | created by ${site(creation, withLine)}`;
    return {
        state: g.state,
        ...(blocking === undefined ? {} : { blocking }),
        ...(creation === undefined ? {} : { creation }),
        key: key(true),
        looseKey: key(false)
    };
}
/** Groups goroutines by `key` (line numbers included), largest group first, then in dump order. */
function groupBySignature(goroutines, opts = {}) {
    const groups = new Map();
    for (const g of goroutines) {
        const signature = leakSignature(g, opts);
        let group = groups.get(signature.key);
        if (group === undefined) {
            group = { ...signature, count: 0, leaked: 0, ids: [], stack: g.frames };
            groups.set(signature.key, group);
        }
        group.count++;
        if (g.leaked)
            group.leaked++;
        if (g.waitMinutes !== undefined && (group.waitMinutes === undefined || g.waitMinutes > group.waitMinutes)) {
            group.waitMinutes = g.waitMinutes;
        }
        group.ids.push(g.id);
    }
    // Array.prototype.sort is stable: equal counts keep the order they were first seen in.
    return [...groups.values()].sort((a, b) => b.count - a.count);
}
// Where the testing package parks its own goroutines while tests run (as goleak's isTestStack).
const TESTING_WAITS = new Set([
    'testing.RunTests',
    'testing.(*T).Run',
    'testing.(*T).Parallel',
    'testing.(*testState).waitParallel',
    'testing.runFuzzing',
    'testing.runFuzzTests'
]);
// go-leak-gate's probe (go/probe-source.ts) names its functions glg*; the goroutine running it is the
// one taking the dump.
const PROBE_FUNCTION = /\.glg[A-Z]\w*(?:\.|$)/;
/** The first frame outside package runtime: what goleak calls the top function. */
function topFunction(g) {
    return g.frames.find((f) => !isRuntimePackage(packageOf(f.function)))?.function;
}
function hasFunction(g, fn) {
    return g.frames.some((f) => f.function === fn);
}
/**
 * Why a goroutine is not a leak, or undefined when it may be one: a built-in reason ('probe',
 * 'testing', 'os/signal', 'trace reader', 'runtime') or `rule N` for the user's rule at index N.
 */
function ignoredBecause(g, rules = []) {
    if (g.frames.some((f) => PROBE_FUNCTION.test(f.function)))
        return 'probe';
    const top = topFunction(g);
    if (top !== undefined && TESTING_WAITS.has(top) && g.state.startsWith('chan receive'))
        return 'testing';
    // testing's -test.timeout alarm: the goroutine that panics and prints the dump.
    if (hasFunction(g, 'testing.(*M).startAlarm.func1'))
        return 'testing';
    // signal.Notify starts os/signal's loop; with masks to manage, the runtime's ensureSigM (a closure).
    const sigM = g.frames.some((f) => f.function === 'runtime.ensureSigM' || f.function.startsWith('runtime.ensureSigM.'));
    if (top === 'os/signal.signal_recv' || top === 'os/signal.loop' || sigM)
        return 'os/signal';
    if (hasFunction(g, 'runtime.ReadTrace'))
        return 'trace reader';
    // The runtime's own goroutines (GC workers, finalizers, g0 stacks) appear only in crash dumps and
    // with GOTRACEBACK=system; a cgo thread's goroutine sits in syscall with nothing but runtime frames.
    const runtimeOnly = g.frames.every((f) => isRuntimePackage(packageOf(f.function)));
    const runtimeMade = g.createdBy === undefined || isRuntimePackage(packageOf(g.createdBy.function));
    if (g.id === 0 || (g.frames.length > 0 && runtimeOnly && runtimeMade))
        return 'runtime';
    for (let i = 0; i < rules.length; i++) {
        if (matches(g, rules[i], top))
            return `rule ${i}`;
    }
    return undefined;
}
/** Whether a goroutine is not a leak: see ignoredBecause. */
function isIgnorable(g, rules = []) {
    return ignoredBecause(g, rules) !== undefined;
}
function matches(g, rule, top) {
    if (rule.topFunction === undefined && rule.anyFunction === undefined && rule.createdBy === undefined)
        return false;
    // A crash dump shows runtime.gopark on top where runtime.Stack hides it: accept either.
    if (rule.topFunction !== undefined && rule.topFunction !== top && rule.topFunction !== g.frames[0]?.function)
        return false;
    if (rule.anyFunction !== undefined && !hasFunction(g, rule.anyFunction))
        return false;
    if (rule.createdBy !== undefined && rule.createdBy !== g.createdBy?.function)
        return false;
    return true;
}

const HEADER = /^goroutine (\d+)(?: gp=0x[0-9a-f]+)?(?: m=(?:\d+|nil))?(?: mp=0x[0-9a-f]+)? \[(.*)\]:$/;
const HEADER_START = /^goroutine \d/;
const CREATED_BY = /^created by (\S+?)(?: in goroutine (\d+))?$/;
const ELIDED = /^\.\.\.(?:\d+|additional) frames elided\.\.\.$/;
const ANCESTOR = /^\[originating from goroutine \d+\]:$/;
const STACK_UNAVAILABLE = 'goroutine running on other thread; stack unavailable';
const TIMEOUT$1 = /^panic: test timed out after (\S+)$/;
const RUNNING_TEST = /^\t\t(\S+) \(([^)]*)\)$/;
const SIMPLE_ESCAPES = new Map([
    ['"', '"'],
    ['\\', '\\'],
    ['n', '\n'],
    ['r', '\r'],
    ['t', '\t']
]);
const STATUS_MARKS = [' (leaked)', ' (scan)', ' (durable)'];
// A dump of 100k goroutines cut or garbled throughout would otherwise carry 100k problems.
const MAX_PROBLEMS = 100;
/**
 * Parses every goroutine in a dump. Text around the dump (the panic or signal that caused it, register
 * dumps, test output) is skipped. Linear in the text; the text is walked line by line without being
 * split, and function and file names are shared between goroutines, so 100k goroutines blocked in the
 * same few places cost little more than their frames.
 */
function parseGoroutineDump(text) {
    const dump = { goroutines: [], problems: [], truncated: false };
    const names = new Map();
    const intern = (s) => {
        const known = names.get(s);
        if (known !== undefined)
            return known;
        names.set(s, s);
        return s;
    };
    let dropped = 0;
    const problem = (line, lineText, reason) => {
        if (dump.problems.length < MAX_PROBLEMS)
            dump.problems.push({ line, text: lineText, reason });
        else
            dropped++;
    };
    let g;
    // A function line waiting for its position line, and the same for `created by`.
    let call;
    let creator;
    let stackUnavailable = false;
    let inAncestors = false;
    const endGoroutine = () => {
        if (g !== undefined && call !== undefined)
            problem(call.line, call.text, 'function line without its file:line');
        g = undefined;
        call = undefined;
        creator = undefined;
        inAncestors = false;
    };
    let lineNo = 0;
    let start = 0;
    let inTimeout = false;
    while (start < text.length) {
        let end = text.indexOf('\n', start);
        const cut = end < 0;
        if (cut)
            end = text.length;
        let line = text.slice(start, end);
        if (line.endsWith('\r'))
            line = line.slice(0, -1);
        start = end + 1;
        lineNo++;
        if (cut && g === undefined && line !== '' && 'goroutine '.startsWith(line)) {
            // The dump was cut just as the next goroutine began.
            dump.truncated = true;
            continue;
        }
        if (HEADER_START.test(line)) {
            endGoroutine();
            const header = readHeader(line, lineNo);
            if (header !== undefined) {
                g = header;
                stackUnavailable = false;
                dump.goroutines.push(g);
            }
            else if (cut) {
                dump.truncated = true;
            }
            else {
                problem(lineNo, line, 'unreadable goroutine header');
            }
            continue;
        }
        if (g === undefined) {
            // Outside any goroutine: only testing's timeout panic is of interest.
            const timeout = TIMEOUT$1.exec(line);
            if (timeout !== null) {
                dump.timeout = { after: timeout[1], runningTests: [] };
                inTimeout = true;
                continue;
            }
            const running = inTimeout ? RUNNING_TEST.exec(line) : null;
            if (running !== null && dump.timeout !== undefined)
                dump.timeout.runningTests.push({ name: running[1], elapsed: running[2] });
            else if (line !== '\trunning tests:')
                inTimeout = false;
            continue;
        }
        if (line === '') {
            endGoroutine();
            continue;
        }
        if (inAncestors)
            continue;
        if (line.startsWith('\t')) {
            const position = readPosition(line.slice(1));
            // The last line of a cut dump may have lost digits of its line number.
            const usable = position !== undefined && (!cut || position.complete);
            if (call !== undefined) {
                if (usable)
                    g.frames.push({ function: call.fn, file: intern(position.file), line: position.line });
                else if (!cut)
                    problem(lineNo, line, 'expected the file:line of the function on the line before');
                call = undefined;
            }
            else if (creator !== undefined) {
                if (usable)
                    g.createdBy = { function: creator.fn, file: intern(position.file), line: position.line, ...goroutineOf(creator) };
                else if (!cut)
                    problem(lineNo, line, 'expected the file:line of the created by line before');
                creator = undefined;
            }
            else if (line.slice(1) === STACK_UNAVAILABLE) {
                stackUnavailable = true;
            }
            else {
                problem(lineNo, line, 'file:line without a function line before it');
            }
            continue;
        }
        if (call !== undefined) {
            problem(call.line, call.text, 'function line without its file:line');
            call = undefined;
        }
        if (line.startsWith('created by ')) {
            const created = CREATED_BY.exec(line);
            if (created !== null)
                creator = { fn: intern(created[1]), ...(created[2] === undefined ? {} : { goroutine: Number(created[2]) }) };
            else if (!cut)
                problem(lineNo, line, 'unreadable created by line');
            continue;
        }
        if (ELIDED.test(line)) {
            g.framesElided = true;
            continue;
        }
        if (ANCESTOR.test(line)) {
            // GODEBUG=tracebackancestors: the stacks of the goroutines that led here, not this one's frames.
            inAncestors = true;
            continue;
        }
        const fn = readCall(line);
        if (fn !== undefined) {
            call = { fn: intern(fn), line: lineNo, text: line };
            continue;
        }
        // Something else printed right after the dump (go test's FAIL line, a shell's exit status).
        if (!cut)
            endGoroutine();
    }
    if (g !== undefined) {
        const lastCut = !text.endsWith('\n');
        if (lastCut || call !== undefined || creator !== undefined || (g.frames.length === 0 && !stackUnavailable)) {
            dump.truncated = true;
            call = undefined;
        }
    }
    endGoroutine();
    if (dropped > 0)
        dump.problems.push({ line: lineNo, text: '', reason: `${dropped} more problems not listed` });
    return dump;
}
function goroutineOf(creator) {
    return creator.goroutine === undefined ? {} : { goroutine: creator.goroutine };
}
/**
 * `goroutine 7 [chan send (leaked), 3 minutes, locked to thread, synctest bubble 2 labels:{"k": "v"}]:`
 * as runtime.goroutineheader prints it (Go 1.26): status, marks, then comma-separated extras, then labels.
 */
function readHeader(line, lineNo) {
    const header = HEADER.exec(line);
    if (header === null)
        return undefined;
    let body = header[2];
    let labels;
    const labelsAt = body.indexOf(' labels:{');
    if (labelsAt >= 0) {
        labels = readLabels(body.slice(labelsAt + ' labels:{'.length));
        if (labels === undefined)
            return undefined;
        body = body.slice(0, labelsAt);
    }
    const [status, ...extras] = body.split(', ');
    const g = {
        id: Number(header[1]),
        state: status,
        leaked: false,
        lockedToThread: false,
        durable: false,
        frames: [],
        framesElided: false,
        line: lineNo,
        ...(labels === undefined ? {} : { labels })
    };
    for (let marked = true; marked;) {
        marked = false;
        for (const mark of STATUS_MARKS) {
            if (g.state.endsWith(mark)) {
                g.state = g.state.slice(0, -mark.length);
                if (mark === ' (leaked)')
                    g.leaked = true;
                // synctest's own wait reasons carry the mark in their name ("chan receive (durable)").
                if (mark === ' (durable)')
                    g.durable = true;
                marked = true;
            }
        }
    }
    for (const extra of extras) {
        const minutes = /^(\d+) minutes$/.exec(extra);
        const bubble = /^synctest bubble (\d+)$/.exec(extra);
        if (minutes !== null)
            g.waitMinutes = Number(minutes[1]);
        else if (bubble !== null)
            g.synctestBubble = Number(bubble[1]);
        else if (extra === 'locked to thread')
            g.lockedToThread = true;
        // Anything else is an extra a later Go added: the goroutine is still worth having.
    }
    return g;
}
/**
 * `"k": "v", "k2": "v2"}` as runtime.printquoted writes them: `\"`, `\\`, `\n`, `\r`, `\t`, `\xNN`,
 * `\uNNNN`, `\UNNNNNNNN`. Undefined when the text is not that.
 */
function readLabels(text) {
    const labels = Object.create(null);
    let i = 0;
    const quoted = () => {
        if (text[i] !== '"')
            return undefined;
        i++;
        let out = '';
        while (i < text.length && text[i] !== '"') {
            if (text[i] !== '\\') {
                out += text[i++];
                continue;
            }
            const kind = text[i + 1];
            const width = kind === 'x' ? 2 : kind === 'u' ? 4 : kind === 'U' ? 8 : 0;
            const simple = kind === undefined ? undefined : SIMPLE_ESCAPES.get(kind);
            if (simple !== undefined) {
                out += simple;
                i += 2;
            }
            else if (width > 0 && /^[0-9a-f]+$/i.test(text.slice(i + 2, i + 2 + width))) {
                out += String.fromCodePoint(parseInt(text.slice(i + 2, i + 2 + width), 16));
                i += 2 + width;
            }
            else {
                return undefined;
            }
        }
        if (i >= text.length)
            return undefined;
        i++;
        return out;
    };
    if (text === '}')
        return labels;
    for (;;) {
        const key = quoted();
        if (key === undefined || !text.startsWith(': ', i))
            return undefined;
        i += 2;
        const value = quoted();
        if (value === undefined)
            return undefined;
        labels[key] = value;
        if (text.startsWith(', ', i))
            i += 2;
        else
            return text.slice(i) === '}' ? labels : undefined;
    }
}

const SEPARATOR$1 = '==================';
const WARNING = 'WARNING: DATA RACE';
const ACCESS = /^(Read|Write|Previous read|Previous write) at (0x[0-9a-f]+) by (main goroutine|goroutine (\d+)):$/;
const GOROUTINE = /^Goroutine (\d+) \((running|finished)\) created at:$/;
const LOST_STACK = '[failed to restore the stack]';
// Test output that places a report: progress lines of -test.v and the start of a benchmark's line.
const STARTED = /^=== (RUN|CONT|NAME|PAUSE)\s+(\S+)/;
const ENDED = /^(\s*)--- (FAIL|PASS|SKIP): (\S+)/;
const BENCHMARK_LINE = /^(Benchmark(?!\p{Ll})\S*)/u;
const IN_TEST = 'race detected during execution of test';
const OUTSIDE = 'race detected outside of test execution';
function eventOf(line, named) {
    const started = STARTED.exec(line);
    if (started !== null)
        return { kind: 'started', test: started[2], how: started[1] };
    const ended = ENDED.exec(line);
    if (ended !== null)
        return { kind: 'ended', test: ended[3], depth: ended[1].length, failed: ended[2] === 'FAIL' };
    const bench = BENCHMARK_LINE.exec(line);
    // A benchmark's name is printed when it starts and its numbers when it is done.
    if (bench !== null) {
        return /\sns\/op\b/.test(line)
            ? { kind: 'ended', test: bench[1], depth: 0, failed: false }
            : { kind: 'started', test: bench[1], how: 'benchmark' };
    }
    if (line.includes(IN_TEST))
        return named === undefined ? { kind: 'in-test' } : { kind: 'in-test', named };
    if (line.includes(OUTSIDE))
        return { kind: 'outside' };
    return undefined;
}
/**
 * Parses every `WARNING: DATA RACE` report. A report's test comes from the first of these after it:
 * - testing's `race detected during execution of test`, logged once per racing test when it ends (or
 *   next checks): under the test's `=== RUN`/`=== NAME` line with -test.v, under its `--- FAIL:` line
 *   without;
 * - a `--- FAIL:` block (without -test.v a test's output is printed when it ends): the failing test
 *   the race line is logged under, else its innermost failing subtest;
 * - `race detected outside of test execution`: no test.
 * The search stops at the next test's `=== RUN`/`=== CONT` or benchmark line; the report then goes to
 * the test -test.v last started and had not ended, or to the benchmark whose result line it
 * interrupted (`BenchmarkX-4  \t==================` when the pipes are merged). Tests that run in
 * parallel interleave their output, so a report may then be put on the wrong one of them.
 */
function parseRaceReports(text) {
    const lines = splitLines(text);
    const out = { races: [], problems: [] };
    const events = [];
    // The test the latest progress line named (RUN, NAME, FAIL, ...), and the one -test.v says runs.
    let named;
    let running;
    const placements = [];
    const track = (line) => {
        const event = eventOf(line, named);
        if (event === undefined)
            return;
        events.push(event);
        if (event.kind === 'started') {
            named = event.test;
            running = event.how === 'PAUSE' ? undefined : event.test;
        }
        else if (event.kind === 'ended') {
            named = event.test;
            if (running !== undefined && (running === event.test || running.startsWith(`${event.test}/`))) {
                const parent = event.test.lastIndexOf('/');
                running = parent > 0 ? event.test.slice(0, parent) : undefined;
            }
        }
    };
    let i = 0;
    while (i < lines.length) {
        const line = lines[i];
        const opensReport = line.endsWith(SEPARATOR$1) && lines[i + 1] === WARNING;
        if (!opensReport && line !== WARNING) {
            track(line);
            i++;
            continue;
        }
        if (opensReport) {
            const before = line.slice(0, line.length - SEPARATOR$1.length);
            if (before !== '')
                track(before);
            i++;
        }
        const read = readReport(lines, i, out.problems);
        if (read.report !== undefined) {
            const body = lines.slice(i, read.end);
            const raw = [SEPARATOR$1, ...body, ...(read.truncated ? [] : [SEPARATOR$1])].join('\n');
            const report = { ...read.report, outsideTests: false, truncated: read.truncated, line: i + 1, raw };
            out.races.push(report);
            placements.push({ report, nextEvent: events.length, ...(running === undefined ? {} : { running }) });
        }
        // read.end is the closing separator; a line after it may still carry test output.
        i = read.end + 1;
    }
    for (const { report, nextEvent, running: runningThen } of placements) {
        const place = placeReport(events, nextEvent, runningThen);
        report.outsideTests = place.outsideTests;
        if (place.test !== undefined)
            report.test = place.test;
    }
    return out;
}
function placeReport(events, from, running) {
    for (let j = from; j < events.length; j++) {
        const event = events[j];
        if (event.kind === 'in-test')
            return { ...(event.named === undefined ? {} : { test: event.named }), outsideTests: false };
        if (event.kind === 'outside')
            return { outsideTests: true };
        if (event.kind === 'ended' && event.failed)
            return { test: failedTest(events, j, event), outsideTests: false };
        if (event.kind === 'started' && event.how !== 'NAME' && event.how !== 'PAUSE')
            break;
    }
    return { ...(running === undefined ? {} : { test: running }), outsideTests: false };
}
/**
 * In a `--- FAIL:` block (a test, then its failed subtests indented below it): the test the race line
 * is logged under, else the deepest failure.
 */
function failedTest(events, at, first) {
    let deepest = first;
    for (let j = at + 1; j < events.length; j++) {
        const event = events[j];
        if (event.kind === 'in-test')
            return event.named ?? deepest.test;
        if (event.kind !== 'ended' || event.depth === 0)
            break;
        if (event.failed && event.depth > deepest.depth)
            deepest = event;
    }
    return deepest.test;
}
/**
 * Reads a report from its `WARNING: DATA RACE` line at lines[start]. `end` is the index of the closing
 * separator, or lines.length when there is none.
 */
function readReport(lines, start, problems) {
    const accesses = [];
    const goroutines = [];
    let frames;
    let call;
    let end = start + 1;
    for (; end < lines.length; end++) {
        const line = lines[end];
        if (line.endsWith(SEPARATOR$1))
            break;
        const access = ACCESS.exec(line);
        if (access !== null) {
            frames = [];
            accesses.push({
                kind: access[1].toLowerCase().endsWith('write') ? 'write' : 'read',
                address: access[2],
                goroutine: access[4] === undefined ? 'main' : Number(access[4]),
                frames
            });
            continue;
        }
        const goroutine = GOROUTINE.exec(line);
        if (goroutine !== null) {
            frames = [];
            goroutines.push({ id: Number(goroutine[1]), state: goroutine[2] === 'running' ? 'running' : 'finished', createdAt: frames });
            continue;
        }
        // Frames are indented: two spaces before a function, six before its position. Anything else in a
        // report is output another goroutine wrote while the detector was printing.
        if (frames === undefined || !line.startsWith('  '))
            continue;
        const trimmed = line.trim();
        if (trimmed === LOST_STACK)
            continue;
        const fn = readCall(trimmed);
        if (fn !== undefined) {
            call = fn;
            continue;
        }
        const position = call === undefined ? undefined : readPosition(trimmed);
        if (call !== undefined && position !== undefined)
            frames.push({ function: call, file: position.file, line: position.line });
        call = undefined;
    }
    const truncated = end >= lines.length;
    if (accesses.length < 2) {
        problems.push({
            line: start + 1,
            text: lines[start],
            reason: truncated ? 'race report cut before its two accesses' : 'race report without its two accesses'
        });
        return { end, truncated };
    }
    return { report: { access: accesses[0], previous: accesses[1], goroutines }, end, truncated };
}
/**
 * Identity of a race for deduplication and for matching base with head: each access's kind and its
 * innermost user frame (function and file; the line only with `withLines`, since edits above a race
 * move it between base and head), the two accesses in a fixed order so that the same pair reported
 * the other way round has the same key. An access with no user frame (sync/atomic's side, a lost
 * stack) contributes its innermost frame, or `?`.
 */
function raceKey(r, opts = {}) {
    const side = (a) => {
        const f = a.frames.find((frame) => isUserFunction(frame.function, frame.file, opts.modulePath)) ?? a.frames[0];
        if (f === undefined)
            return `${a.kind} ?`;
        return opts.withLines === true ? `${a.kind} ${f.function} ${f.file}:${f.line}` : `${a.kind} ${f.function} ${f.file}`;
    };
    return [side(r.access), side(r.previous)].sort().join(' | ');
}

// From what a test binary printed (and what the probe wrote) to the result model: goroutine groups, leaks,
// races. Pure; files are module-relative because binaries are built with -trimpath.
const MAX_STACK = 32;
const MAX_REPORT = 8 * 1024;
function relativeFrame(f, modulePath) {
    return { function: f.function, file: moduleRelative(f.file, modulePath), line: f.line };
}
function relative(f, modulePath) {
    return f ? relativeFrame(f, modulePath) : undefined;
}
function groups(text, modulePath, rules) {
    const dump = parseGoroutineDump(text);
    return groupBySignature(dump.goroutines.filter((g) => !isIgnorable(g, rules)), { modulePath });
}
/**
 * Goroutines still alive after the settle time, grouped by signature. Those the goroutineleak profile
 * also reports (Go 1.26 with GOEXPERIMENT=goroutineleakprofile, Go 1.27 on) are marked as confirmed.
 */
function leakGroups(dump, leakProfile, modulePath, rules) {
    const confirmed = new Set(leakProfile ? groups(leakProfile, modulePath, rules).filter((g) => g.leaked > 0).map((g) => g.looseKey) : []);
    return groups(dump, modulePath, rules).map((g) => ({
        key: g.key,
        looseKey: g.looseKey,
        state: g.state,
        ...(g.waitMinutes !== undefined ? { waitMinutes: g.waitMinutes } : {}),
        count: g.count,
        blocking: relative(g.blocking, modulePath),
        creation: relative(g.creation, modulePath),
        stack: g.stack.slice(0, MAX_STACK).map((f) => relativeFrame(f, modulePath)),
        tests: [],
        detectors: confirmed.has(g.looseKey) ? ['probe', 'goroutineleak'] : ['probe']
    }));
}
/**
 * Who waits on what when a package hung: the dump's goroutines grouped by wait state and blocking site
 * (goroutines started at different places but stuck at the same line are one group; the first one's
 * creation site and stack stand for it).
 */
function hangGroups(text, modulePath) {
    const bySite = new Map();
    for (const g of groups(text, modulePath, [])) {
        const b = g.blocking;
        const key = `${g.state}\u0000${b ? `${b.function}\u0000${b.file}:${b.line}` : g.key}`;
        const seen = bySite.get(key);
        if (seen) {
            seen.count += g.count;
            continue;
        }
        bySite.set(key, {
            state: g.state,
            count: g.count,
            blocking: relative(g.blocking, modulePath),
            creation: relative(g.creation, modulePath),
            stack: g.stack.slice(0, MAX_STACK).map((f) => relativeFrame(f, modulePath))
        });
    }
    return [...bySite.values()].sort((a, b) => b.count - a.count);
}
function access(a, modulePath) {
    return { kind: a.kind, goroutine: String(a.goroutine), frames: a.frames.slice(0, MAX_STACK).map((f) => relativeFrame(f, modulePath)) };
}
/** Race reports in a run's output, identical ones collapsed; keys leave lines out so base and head match. */
function racesIn(text, via, modulePath) {
    const byKey = new Map();
    for (const r of parseRaceReports(text).races) {
        const key = raceKey(r, { modulePath });
        const seen = byKey.get(key);
        if (seen) {
            seen.count++;
            continue;
        }
        const test = r.test ? (via === 'benchmark' ? splitProcs(r.test).name : r.test) : '';
        byKey.set(key, {
            key,
            in: test,
            via,
            count: 1,
            access: access(r.access, modulePath),
            previous: access(r.previous, modulePath),
            goroutines: r.goroutines.map((g) => {
                // A goroutine started by the probe's TestMain is the main test goroutine: no creation site to show.
                const site = g.createdAt.find((f) => isUserFunction(f.function, f.file, modulePath) && !f.file.endsWith(PROBE_FILE));
                return { id: String(g.id), state: g.state, ...(site ? { createdAt: relativeFrame(site, modulePath) } : {}) };
            }),
            report: r.raw.length > MAX_REPORT ? r.raw.slice(0, MAX_REPORT) + '\n…' : r.raw
        });
    }
    return [...byKey.values()];
}

const OUTPUT_KEEP = 32 * 1024;
/** Keeps the start (the panic or timeout line) and the end (the last goroutines) of long output. */
function tail(text, max = OUTPUT_KEEP) {
    if (text.length <= max)
        return text;
    const half = Math.floor(max / 2);
    return `${text.slice(0, half)}\n… ${text.length - max} characters cut …\n${text.slice(text.length - half)}`;
}
function isIterationCount(benchtime) {
    return /^[0-9]+x$/.test(benchtime);
}
const DURATION_NS = { ns: 1, us: 1e3, µs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
/**
 * The calibration run uses a quarter of the configured benchtime and the N it finds is scaled up
 * fourfold: the same linear prediction Go's own ramp-up makes for its last step, at a quarter of the
 * cost (a full-length calibration would add a whole extra run per benchmark, 10% at count 10).
 */
const CALIBRATION_SHARE = 4;
function calibrationBenchtime(benchtime) {
    if (isIterationCount(benchtime))
        return { benchtime: '1x', scale: 0 };
    const m = /^([0-9]+(?:\.[0-9]+)?)(ns|us|µs|ms|s|m|h)$/.exec(benchtime);
    if (!m)
        return { benchtime, scale: 1 };
    const ns = Number(m[1]) * DURATION_NS[m[2]];
    // Below ~10ms the timer and the process start dominate; calibrate on the full benchtime then.
    if (ns / CALIBRATION_SHARE < 10e6)
        return { benchtime, scale: 1 };
    return { benchtime: `${Math.round(ns / CALIBRATION_SHARE / 1e3)}us`, scale: CALIBRATION_SHARE };
}
/** b.N of every full run of a leaf: the user's fixed Nx, or what the calibration run found, scaled up. */
function leafIterations(benchtime, found) {
    if (isIterationCount(benchtime))
        return Number(benchtime.slice(0, -1));
    return Math.max(1, Math.round(found * calibrationBenchtime(benchtime).scale));
}
function benchEnv(tc) {
    const godebug = [process.env.GODEBUG, 'gctrace=1'].filter(Boolean).join(',');
    // Set on the test binary only: on `go build` the compiler's own GCs would be traced too.
    return { ...process.env, GODEBUG: godebug, GOMAXPROCS: String(tc.gomaxprocs) };
}
function testTimeoutFlag(cfg) {
    return `-test.timeout=${Math.max(1, Math.round(cfg.timeoutMs / 1000))}s`;
}
/**
 * -test.timeout covers tests only, not benchmarks: a benchmark process is stopped by us, with SIGQUIT
 * first so that Go prints every goroutine (see ProcessSpec.quitGraceMs).
 */
function stopAfter(cfg) {
    return { timeoutMs: cfg.timeoutMs, quitGraceMs: 5_000 };
}
function describeTimeout(cfg) {
    const s = cfg.timeoutMs / 1000;
    return `did not finish within ${s >= 60 && s % 60 === 0 ? `${s / 60}m` : `${s}s`} and was stopped (goroutine dump from SIGQUIT in the output)`;
}
function failureFrom(r, cfg, run, fallback, parsedMessage, modulePath = '') {
    const message = r.timedOut ? describeTimeout(cfg) : (parsedMessage ?? `${fallback} (${describeExit(r)})`);
    // gctrace lines would crowd out the panic or goroutine dump that explains the failure.
    const stderr = r.stderr.replace(/^gc \d+ @.*\n?/gm, '');
    const failure = { run, message, output: tail(r.stdout + (stderr ? '\n' + stderr : '')) };
    if (r.timedOut)
        failure.hang = { message, groups: hangGroups(stderr, modulePath) };
    return failure;
}
/** A panic's value and stack go to stderr: read both streams to say why a benchmark failed. */
function failuresOf(r, procs) {
    return parseBenchOutput(r.stdout + '\n' + r.stderr, { procs }).failures;
}

async function discoverLeaves(deps, cfg, built, side) {
    const prepared = { built, leaves: [], topFailures: [] };
    const binary = built.binary;
    if (!binary)
        return prepared;
    const levels = splitBenchRegex(cfg.bench);
    const cwd = built.pkg.dir;
    const list = await deps.run({ argv: [binary, `-test.list=${levels[0]}`], cwd, timeoutMs: 60_000 });
    if (list.code !== 0) {
        side.errors.push({
            kind: 'output',
            subject: built.pkg.importPath,
            message: `listing benchmarks failed (${describeExit(list)})`,
            detail: tail(list.stdout + list.stderr)
        });
        return prepared;
    }
    const tops = list.stdout
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => /^Benchmark/.test(l));
    const calibration = calibrationBenchtime(cfg.benchtime);
    for (const top of tops) {
        // One process per top-level benchmark names its leaves (sub-benchmarks), so a panic in one top-level
        // cannot hide the others. With a duration benchtime this run also calibrates b.N for each leaf.
        const pattern = [benchmarkPattern(top), ...levels.slice(1)].join('/');
        const argv = [binary, '-test.run=^$', `-test.bench=${pattern}`, `-test.benchtime=${calibration.benchtime}`, '-test.count=1', testTimeoutFlag(cfg)];
        const r = await deps.run({ argv, cwd, env: benchEnv(deps.toolchain), ...stopAfter(cfg) });
        const out = parseBenchOutput(r.stdout, { procs: deps.toolchain.gomaxprocs });
        if (out.config.cpu && !side.cpu)
            side.cpu = out.config.cpu;
        const seen = new Set();
        for (const line of out.results) {
            if (seen.has(line.name))
                continue;
            seen.add(line.name);
            const iterations = leafIterations(cfg.benchtime, line.iterations);
            prepared.leaves.push({ name: line.name, iterations, failed: false, result: { name: line.name, procs: line.procs, runs: [] } });
        }
        const failed = r.code !== 0 || out.failures.length > 0;
        if (failed) {
            // A panic on stderr is not always tied to a name (stdout held the half-printed result line).
            const failures = failuresOf(r, deps.toolchain.gomaxprocs);
            const named = failures.find((f) => f.name.startsWith(top)) ?? failures[0];
            const failure = failureFrom(r, cfg, 0, 'the benchmark failed while being listed', named?.message, side.module.path);
            const name = named?.name.startsWith(top) ? named.name : top;
            const leaf = prepared.leaves.find((l) => l.name === name);
            if (leaf) {
                leaf.result.failure = failure;
                leaf.failed = true;
            }
            else {
                prepared.topFailures.push({ name, procs: deps.toolchain.gomaxprocs, runs: [], failure });
            }
        }
    }
    return prepared;
}
async function prepareSide(deps, cfg, spec) {
    const startedAt = new Date().toISOString();
    const module = await readModule(deps.run, deps.toolchain, spec.moduleDir);
    const binDir = await mkdtemp(join(tmpdir(), `glg-bin-${spec.label}-`));
    const side = { spec, module, packages: [], errors: [], cpu: '', startedAt, binDir };
    deps.log(`[${spec.label}] listing packages with benchmarks in ${spec.moduleDir}`);
    const pkgs = await listTestPackages(deps.run, deps.toolchain, module.dir, cfg.packages, 'benchmarks');
    deps.log(`[${spec.label}] building ${pkgs.length} test binaries`);
    const built = await buildTestBinaries(deps.run, deps.toolchain, module.dir, pkgs, binDir, { race: cfg.race, probe: true });
    for (const b of built) {
        if (b.probeError) {
            side.errors.push({
                kind: 'probe',
                subject: b.pkg.importPath,
                message: `measured without go-leak-gate's probe: the package does not build with it (live heap and goroutines unknown)`,
                detail: b.probeError
            });
        }
        if (!b.build.ok) {
            side.errors.push({
                kind: 'build',
                subject: b.pkg.importPath,
                message: `package ${b.pkg.importPath} does not build`,
                detail: b.build.error
            });
        }
        side.packages.push(await discoverLeaves(deps, cfg, b, side));
    }
    const leaves = side.packages.reduce((n, p) => n + p.leaves.length, 0);
    deps.log(`[${spec.label}] ${leaves} benchmarks in ${side.packages.length} packages`);
    return side;
}
const BENCH_SETTLE_MS = 500;
/** Goroutines a benchmark left behind: per signature, the most any small run left. */
function recordLeaks(result, groups) {
    const known = new Map((result.leaks ?? []).map((g) => [g.looseKey, g]));
    for (const g of groups) {
        const seen = known.get(g.looseKey);
        if (!seen)
            known.set(g.looseKey, g);
        else if (g.count > seen.count)
            known.set(g.looseKey, { ...g, tests: seen.tests });
    }
    result.leaks = [...known.values()];
}
function profileFile(pkgIndex, leafName, run, kind) {
    const safe = leafName.replace(/[^A-Za-z0-9._=-]/g, '_').slice(0, 120);
    return `p${pkgIndex}-${safe}.${kind === 'small' ? 's' : ''}${run}.pprof`;
}
/** b.N of the memory-only runs: a quarter of the full runs' (see BenchmarkResult.smallRuns). */
function smallIterations(full) {
    return Math.floor(full / 4);
}
/** What the probe wrote, or undefined when it wrote nothing usable (it is not built into every binary). */
async function readProbe(path) {
    try {
        const p = JSON.parse(await readFile(path, 'utf8'));
        if (typeof p.heapAllocBytes !== 'number' || typeof p.heapObjects !== 'number' || typeof p.numGoroutine !== 'number')
            return undefined;
        return { live: { heapBytes: p.heapAllocBytes, heapObjects: p.heapObjects, goroutines: p.numGoroutine }, dump: typeof p.goroutines === 'string' ? p.goroutines : '' };
    }
    catch {
        return undefined;
    }
    finally {
        await rm(path, { force: true });
    }
}
async function measureOnce(deps, cfg, side, pkgIndex, leaf, round, kind) {
    const pkg = side.packages[pkgIndex];
    const binary = pkg.built.binary;
    if (!binary || leaf.failed)
        return;
    const profDir = join(side.spec.outDir, 'profiles');
    const profName = profileFile(pkgIndex, leaf.name, round, kind);
    const probePath = join(side.binDir, `probe-${pkgIndex}-${kind}-${round}.json`);
    const iterations = kind === 'small' ? smallIterations(leaf.iterations) : leaf.iterations;
    const argv = [
        binary,
        '-test.run=^$',
        `-test.bench=${benchmarkPattern(leaf.name)}`,
        `-test.benchtime=${iterations}x`,
        '-test.count=1',
        '-test.benchmem',
        `-test.memprofile=${profName}`,
        `-test.outputdir=${profDir}`,
        testTimeoutFlag(cfg)
    ];
    const cwd = pkg.built.pkg.dir;
    // Full runs are timed: the probe must not wait there. Small runs give finishing goroutines the settle
    // time, so what is left at their end is what the benchmark leaked.
    const settle = kind === 'small' ? { GO_LEAK_GATE_SETTLE: `${BENCH_SETTLE_MS}ms` } : {};
    const env = { ...benchEnv(deps.toolchain), GO_LEAK_GATE_PROBE: probePath, ...settle };
    const r = await deps.run({ argv, cwd, env, ...stopAfter(cfg) });
    const probe = await readProbe(probePath);
    const live = probe?.live;
    if (kind === 'small' && probe)
        recordLeaks(leaf.result, leakGroups(probe.dump, null, side.module.path, []));
    const out = parseBenchOutput(r.stdout, { procs: deps.toolchain.gomaxprocs });
    if (out.config.cpu && !side.cpu)
        side.cpu = out.config.cpu;
    const line = out.results.find((l) => l.name === leaf.name);
    if (!line || r.code !== 0 || out.failures.length > 0) {
        const parsed = failuresOf(r, deps.toolchain.gomaxprocs)[0]?.message;
        const why = line ? 'the benchmark process failed' : 'the benchmark printed no result line';
        leaf.result.failure = failureFrom(r, cfg, round, why, parsed, side.module.path);
        leaf.failed = true;
        for (const p of out.problems) {
            side.errors.push({ kind: 'output', subject: `${pkg.built.pkg.importPath}.${leaf.name}`, message: `line ${p.line}: ${p.reason}`, detail: p.text });
        }
        return;
    }
    const gc = parseGctrace(r.stderr);
    const runs = kind === 'small' ? (leaf.result.smallRuns ??= []) : leaf.result.runs;
    const run = {
        index: runs.length,
        command: ['./' + relTestBinary(binary), ...argv.slice(1)],
        cwd: pkg.built.pkg.relDir,
        iterations: line.iterations,
        metrics: line.metrics,
        gc: summarizeGc(gc.cycles),
        ...(live ? { live } : {}),
        wallMs: Math.round(r.wallMs)
    };
    try {
        const data = await readFile(join(profDir, profName));
        const sites = heapSites(decodeProfile(data, profName));
        run.heap = {
            inuseBytes: sites.totals.inuseBytes,
            inuseObjects: sites.totals.inuseObjects,
            profile: `profiles/${profName}`
        };
    }
    catch (err) {
        side.errors.push({
            kind: 'profile',
            subject: `${pkg.built.pkg.importPath}.${leaf.name}`,
            message: `memory profile ${profName} unusable: ${err instanceof Error ? err.message : String(err)}`
        });
    }
    runs.push(run);
}
function relTestBinary(binary) {
    return binary.split('/').pop() ?? binary;
}
/**
 * Runs every benchmark of every side `count` times, one process each, interleaving the sides
 * (base, head, base, head, ...) so that drift on a shared runner hits both alike. The order of the
 * sides flips every round so neither always runs first after the other's warm caches.
 */
async function measureSides(deps, cfg, sides) {
    for (const s of sides)
        await mkdir(join(s.spec.outDir, 'profiles'), { recursive: true });
    const keys = new Map();
    sides.forEach((s, si) => s.packages.forEach((p, pi) => p.leaves.forEach((leaf) => {
        const key = `${p.built.pkg.importPath}\u0000${leaf.name}`;
        const list = keys.get(key) ?? [];
        list.push({ side: si, pkg: pi, leaf });
        keys.set(key, list);
    })));
    for (let round = 0; round < cfg.count; round++) {
        deps.log(`round ${round + 1}/${cfg.count}: ${keys.size} benchmarks × ${sides.length} side(s)`);
        for (const entries of keys.values()) {
            const ordered = round % 2 === 0 ? entries : [...entries].reverse();
            for (const e of ordered)
                await measureOnce(deps, cfg, sides[e.side], e.pkg, e.leaf, round, 'full');
        }
    }
    deps.log(`memory runs at a quarter of b.N: ${keys.size} benchmarks × ${sides.length} side(s) × ${SMALL_RUNS}`);
    for (let round = 0; round < SMALL_RUNS; round++) {
        for (const entries of keys.values()) {
            const ordered = round % 2 === 0 ? entries : [...entries].reverse();
            for (const e of ordered) {
                // Below 8 full iterations a quarter is too few ops to tell growth from noise.
                if (e.leaf.iterations >= 8)
                    await measureOnce(deps, cfg, sides[e.side], e.pkg, e.leaf, round, 'small');
            }
        }
    }
}
/** Small runs per benchmark and side; compare averages them into one point of the growth line. */
const SMALL_RUNS = 2;
function finishSide(side, cfg, tc) {
    const packages = side.packages.map((p) => ({
        importPath: p.built.pkg.importPath,
        dir: p.built.pkg.relDir,
        build: p.built.build,
        benchmarks: [...p.leaves.map((l) => l.result), ...p.topFailures]
    }));
    return {
        schemaVersion: RESULT_SCHEMA_VERSION,
        tool: { name: 'go-leak-gate', version: VERSION },
        env: {
            goVersion: tc.goVersion,
            goos: tc.goos,
            goarch: tc.goarch,
            cpu: side.cpu,
            gomaxprocs: tc.gomaxprocs,
            race: cfg.race,
            module: side.module.path,
            commit: side.spec.commit,
            benchtime: cfg.benchtime,
            count: cfg.count
        },
        startedAt: side.startedAt,
        finishedAt: new Date().toISOString(),
        packages,
        errors: side.errors
    };
}
async function cleanupSide(side) {
    await rm(side.binDir, { recursive: true, force: true });
}

// The -test.v output of a test binary (stdout and stderr merged in write order): which tests ran and how
// they ended, which test a panic belongs to, and whether -test.timeout fired and while running what.
const RUN = /^=== (RUN|CONT|PAUSE|NAME)\s+(\S+)/;
const END = /^\s*--- (PASS|FAIL|SKIP): (\S+) \(/;
const TIMEOUT = /^panic: test timed out after (\S+)/;
const RUNNING = /^\s+(\S+) \([^)]*\)$/;
function parseTestVerbose(text) {
    const lines = splitLines(text);
    const outcomes = new Map();
    const running = [];
    const crashes = [];
    let timeout;
    let lastFailed;
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        const run = RUN.exec(line);
        if (run) {
            if (run[1] === 'RUN' || run[1] === 'CONT') {
                if (!running.includes(run[2]))
                    running.push(run[2]);
            }
            continue;
        }
        const end = END.exec(line);
        if (end) {
            const outcome = end[1].toLowerCase();
            outcomes.set(end[2], outcome);
            if (outcome === 'fail')
                lastFailed = end[2];
            const at = running.lastIndexOf(end[2]);
            if (at >= 0)
                running.splice(at, 1);
            continue;
        }
        const t = TIMEOUT.exec(line);
        if (t) {
            // "running tests:" then one indented line per test still running, with its elapsed time.
            const names = [];
            let j = i + 1;
            if (j < lines.length && /^\s*running tests:/.test(lines[j]))
                j++;
            for (; j < lines.length; j++) {
                const m = RUNNING.exec(lines[j]);
                if (!m)
                    break;
                names.push(m[1]);
            }
            timeout = { message: `test timed out after ${t[1]}`, running: names, line: i + 1 };
            continue;
        }
        if (isCrashStart(line)) {
            const { crash, next } = readCrash(lines, i);
            // testing reports '--- FAIL: TestX' before it re-panics, so the test may have ended already: prefer
            // the test function on the crashing stack, then the innermost running test, then the last failure.
            const test = testOnStack(crash) ?? running[running.length - 1] ?? lastFailed;
            crashes.push({ test, crash, line: i + 1 });
            i = next - 1;
        }
    }
    return { tests: [...outcomes].map(([name, outcome]) => ({ name, outcome })), crashes, timeout };
}
/** The top-level test whose function is on the stack (`pkg.TestX` or its closures `pkg.TestX.func1`). */
function testOnStack(crash) {
    for (const f of crash.frames) {
        const m = /\.(Test[A-Za-z0-9_]*)(?:\.func\d+(?:\.\d+)*)?$/.exec(f.function);
        if (m)
            return m[1];
    }
    return undefined;
}

async function readProbeDump(path) {
    try {
        const p = JSON.parse(await readFile(path, 'utf8'));
        if (typeof p.goroutines !== 'string')
            return undefined;
        return { goroutines: p.goroutines, leakProfile: typeof p.leakProfile === 'string' ? p.leakProfile : null };
    }
    catch {
        return undefined;
    }
    finally {
        await rm(path, { force: true });
    }
}
function seconds(ms) {
    return `${Math.max(1, Math.round(ms / 1000))}s`;
}
let runCounter = 0;
/**
 * The race runtime sleeps a second before every exit (atexit_sleep_ms=1000) to let reports flush; our
 * output is read after the process is gone, so that second is pure waiting, even for -test.list.
 */
function raceEnv() {
    return { ...process.env, GORACE: [process.env.GORACE, 'atexit_sleep_ms=0'].filter(Boolean).join(' ') };
}
/** Runs a test binary with stdout and stderr merged in order, and the probe on when the binary has it. */
async function runBinary(deps, cfg, built, args, purpose, work) {
    const id = runCounter++;
    const probePath = join(work, `probe-${id}.json`);
    // The race pass over benchmarks looks for races only: no probe, so no settle wait either.
    const probe = built.probe && purpose !== 'race-benchmarks';
    const env = { ...raceEnv(), GO_LEAK_GATE_SETTLE: `${cfg.settleMs}ms` };
    if (probe)
        env.GO_LEAK_GATE_PROBE = probePath;
    const argv = [built.binary ?? '', ...args, `-test.timeout=${seconds(cfg.timeoutMs)}`];
    // -test.timeout panics with a goroutine dump; our SIGQUIT later is a backstop for a binary that ignores it.
    const p = await deps.run({
        argv,
        cwd: built.pkg.dir,
        env,
        timeoutMs: cfg.timeoutMs + 30_000,
        quitGraceMs: 5_000,
        mergedOutputFile: join(work, `out-${id}.txt`)
    });
    await rm(join(work, `out-${id}.txt`), { force: true });
    const timedOut = p.timedOut || /^panic: test timed out after/m.test(p.stdout);
    const crashed = !timedOut && (p.signal !== null || /^(panic|fatal error): /m.test(p.stdout));
    const record = {
        purpose,
        command: ['./' + (built.binary?.split('/').pop() ?? 'pkg.test'), ...argv.slice(1)],
        outcome: timedOut ? 'timeout' : crashed ? 'crash' : p.code === 0 ? 'pass' : 'fail',
        exitCode: p.code,
        wallMs: Math.round(p.wallMs)
    };
    return { process: p, record, probe: probe ? await readProbeDump(probePath) : undefined };
}
function hangFrom(text, modulePath, running, message) {
    const at = text.search(/^panic: test timed out after|^SIGQUIT: quit/m);
    return { test: running[0], message, groups: hangGroups(at >= 0 ? text.slice(at) : text, modulePath) };
}
function panicsFrom(crashes, modulePath) {
    return crashes.map((c) => ({
        test: c.test,
        value: c.crash.value,
        frames: c.crash.frames.map((f) => relativeFrame(f, modulePath))
    }));
}
async function hasBenchmarks(deps, built) {
    const r = await deps.run({ argv: [built.binary ?? '', '-test.list=^Benchmark'], cwd: built.pkg.dir, env: raceEnv(), timeoutMs: 60_000 });
    return /^Benchmark/m.test(r.stdout);
}
/** Re-runs the package's tests one at a time, within the time bound, to name the tests that leak. */
async function narrowLeaks(deps, cfg, built, leaks, modulePath, work, result) {
    const list = await deps.run({ argv: [built.binary ?? '', `-test.list=${cfg.run}`], cwd: built.pkg.dir, env: raceEnv(), timeoutMs: 60_000 });
    const tests = list.stdout.split('\n').map((l) => l.trim()).filter((l) => /^Test/.test(l));
    const started = performance.now();
    let ran = 0;
    for (const t of tests) {
        if (performance.now() - started > cfg.narrowBudgetMs)
            break;
        const r = await runBinary(deps, cfg, built, ['-test.v', `-test.run=^${t}$`, '-test.count=1'], 'narrow', work);
        result.runs.push(r.record);
        ran++;
        if (!r.probe)
            continue;
        const found = new Set(leakGroups(r.probe.goroutines, r.probe.leakProfile, modulePath, cfg.ignore).map((g) => g.looseKey));
        for (const g of leaks)
            if (found.has(g.looseKey) && !g.tests.includes(t))
                g.tests.push(t);
    }
    result.narrowing = { ran, of: tests.length, cut: ran < tests.length };
}
async function testPackage(deps, cfg, built, modulePath, work) {
    const result = {
        importPath: built.pkg.importPath,
        dir: built.pkg.relDir,
        build: built.build,
        probe: built.probe,
        runs: [],
        tests: [],
        races: [],
        leaks: [],
        panics: []
    };
    if (!built.binary)
        return result;
    const whole = await runBinary(deps, cfg, built, ['-test.v', `-test.run=${cfg.run}`, '-test.count=1'], 'tests', work);
    result.runs.push(whole.record);
    const text = whole.process.stdout;
    const verbose = parseTestVerbose(text);
    result.tests = verbose.tests;
    result.panics = panicsFrom(verbose.crashes, modulePath);
    result.races = racesIn(text, 'test', modulePath);
    if (whole.record.outcome === 'timeout') {
        const message = verbose.timeout?.message ?? `the package's tests did not finish within ${seconds(cfg.timeoutMs)}`;
        result.hang = hangFrom(text, modulePath, verbose.timeout?.running ?? [], message);
    }
    else if (whole.probe) {
        result.leaks = leakGroups(whole.probe.goroutines, whole.probe.leakProfile, modulePath, cfg.ignore);
    }
    else if (built.probe) {
        // os.Exit in a test, a fatal error or a signal ended the binary before the probe could look.
        result.probeMissing = `the test binary ended (${whole.record.outcome}, exit code ${whole.record.exitCode ?? 'none'}) before the probe ran: goroutine leaks unknown`;
    }
    if (cfg.race && cfg.raceBenchtime !== '' && (await hasBenchmarks(deps, built))) {
        const bench = await runBinary(deps, cfg, built, ['-test.run=^$', '-test.bench=.', `-test.benchtime=${cfg.raceBenchtime}`, '-test.v'], 'race-benchmarks', work);
        result.runs.push(bench.record);
        result.races.push(...racesIn(bench.process.stdout, 'benchmark', modulePath));
    }
    if (result.leaks.length > 0 && cfg.narrowBudgetMs > 0) {
        await narrowLeaks(deps, cfg, built, result.leaks, modulePath, work, result);
    }
    return result;
}
/**
 * The goroutineleak profile (the runtime proves a blocked goroutine unreachable) is an experiment in
 * Go 1.26 that must be switched on when the test binary is built, and on by default from Go 1.27.
 * Only the test pass uses it: benchmark binaries keep the runtime users ship.
 */
function leakProfileEnv(tc) {
    if (tc.minor !== 26)
        return undefined;
    const current = process.env.GOEXPERIMENT;
    return { GOEXPERIMENT: current ? `${current},goroutineleakprofile` : 'goroutineleakprofile' };
}
/** The test pass of one side: every package with tests, under -race, with the leak probe. */
async function runTestPass(deps, cfg, side) {
    const module = await readModule(deps.run, deps.toolchain, side.moduleDir);
    const work = await mkdtemp(join(tmpdir(), `glg-test-${side.label}-`));
    const errors = [];
    try {
        const pkgs = await listTestPackages(deps.run, deps.toolchain, module.dir, side.packages, 'tests');
        deps.log(`[${side.label}] building ${pkgs.length} test binaries${cfg.race ? ' with -race' : ''}`);
        const env = leakProfileEnv(deps.toolchain);
        let built = await buildTestBinaries(deps.run, deps.toolchain, module.dir, pkgs, join(work, 'bin'), { race: cfg.race, probe: true, env });
        if (env && built.every((b) => !b.build.ok) && built.length > 0) {
            // A toolchain that refuses the experiment: build as usual, the probe's dump still finds leaks.
            built = await buildTestBinaries(deps.run, deps.toolchain, module.dir, pkgs, join(work, 'bin-plain'), { race: cfg.race, probe: true });
        }
        const tests = [];
        for (const b of built) {
            if (!b.build.ok) {
                errors.push({ kind: 'build', subject: b.pkg.importPath, message: `package ${b.pkg.importPath} does not build for the test pass`, detail: b.build.error });
            }
            else if (b.probeError) {
                errors.push({ kind: 'probe', subject: b.pkg.importPath, message: `tested without go-leak-gate's probe: goroutine leaks cannot be checked here`, detail: b.probeError });
            }
            deps.log(`[${side.label}] testing ${b.pkg.importPath}`);
            const t = await testPackage(deps, cfg, b, module.path, work);
            if (t.probeMissing)
                errors.push({ kind: 'probe', subject: b.pkg.importPath, message: t.probeMissing });
            tests.push(t);
        }
        return { tests, errors };
    }
    finally {
        await rm(work, { recursive: true, force: true });
    }
}

/**
 * Measures the prepared sides and writes each side's result.json, also when measuring stopped half-way:
 * what was measured before an internal error is kept, with the error recorded in the result.
 */
async function measureAndWrite(deps, cfg, sides, tests) {
    try {
        await measureSides(deps, cfg, sides);
    }
    catch (err) {
        for (const s of sides)
            s.errors.push({ kind: 'internal', subject: 'measure', message: `measuring stopped: ${errorMessage(err)}` });
    }
    const results = sides.map((s, i) => {
        const r = finishSide(s, cfg, deps.toolchain);
        const t = tests[i];
        if (t) {
            r.tests = t.tests;
            r.errors.push(...t.errors);
        }
        return r;
    });
    for (const [i, s] of sides.entries())
        await writeResult(s.spec.outDir, results[i]);
    return results;
}
/** The test pass of one side, or undefined when it is switched off; a crash of the pass is an error, not a stop. */
async function testPass(deps, config, label, moduleDir) {
    if (!config.tests.enabled)
        return undefined;
    try {
        return await runTestPass(deps, config.tests, { label, moduleDir, packages: config.run.packages });
    }
    catch (err) {
        return { tests: [], errors: [{ kind: 'internal', subject: 'tests', message: `the test pass stopped: ${errorMessage(err)}` }] };
    }
}
/** `go-leak-gate run`: one side (tests, then benchmarks), written to outDir. */
async function runOnce(deps, config, outDir) {
    const cfg = config.run;
    const commit = await currentCommit(deps.run, cfg.dir);
    const tests = await testPass(deps, config, 'run', cfg.dir);
    const side = await prepareSide(deps, cfg, { label: 'run', moduleDir: cfg.dir, outDir, commit });
    try {
        const [result] = await measureAndWrite(deps, cfg, [side], [tests]);
        return result;
    }
    finally {
        await cleanupSide(side);
    }
}
/** `go-leak-gate gate`: base from a git worktree and head from the working tree, interleaved, then compared. */
async function gate(deps, config, baseRef, outDir) {
    const cfg = config.run;
    const checkout = await checkoutBase(deps.run, cfg.dir, baseRef);
    const sides = [];
    try {
        const baseDir = join(outDir, 'base');
        const headDir = join(outDir, 'head');
        const tests = [await testPass(deps, config, 'base', checkout.moduleDir), await testPass(deps, config, 'head', cfg.dir)];
        sides.push(await prepareSide(deps, cfg, { label: 'base', moduleDir: checkout.moduleDir, outDir: baseDir, commit: checkout.commit }));
        const headCommit = await currentCommit(deps.run, cfg.dir);
        sides.push(await prepareSide(deps, cfg, { label: 'head', moduleDir: cfg.dir, outDir: headDir, commit: headCommit }));
        const [base, head] = await measureAndWrite(deps, cfg, sides, tests);
        // Head is the working tree, uncommitted edits included: diff the base commit against it.
        const report = await compareWithSites({ base, head, baseDir, headDir, config: config.compare }, () => readSourceDiff(deps.run, cfg.dir, checkout.commit, 'worktree'));
        return { report, base, head };
    }
    finally {
        for (const s of sides)
            await cleanupSide(s);
        await checkout.remove();
    }
}

/** fixtures/ of this package, from src/ (tests, tsx) and from dist/ (the bundle) alike. */
const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));
// Fixed identity and dates, no hooks and no signing: the same fixture always gives the same commit ids,
// whatever the user's git config says.
const GIT_CONFIG = [
    '-c', 'user.name=go-leak-gate fixtures',
    '-c', 'user.email=fixtures@go-leak-gate.invalid',
    '-c', 'commit.gpgsign=false',
    '-c', 'core.hooksPath=/dev/null',
    '-c', 'init.defaultBranch=main'
];
const BASE_DATE = '2024-01-01T00:00:00Z';
const HEAD_DATE = '2024-01-02T00:00:00Z';
async function git(run, cwd, args, date) {
    const env = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
    const r = await run({ argv: ['git', ...GIT_CONFIG, ...args], cwd, env, timeoutMs: 60_000 });
    if (r.code !== 0)
        throw new RunError(`git ${args.join(' ')} failed in ${cwd}`, r.stderr);
    return r.stdout.trim();
}
/** Files the head removes: fixtures/NAME/head.delete, one module-relative path a line, '#' comments. */
async function readHeadDelete(name) {
    const text = await readFile(join(FIXTURES_DIR, name, 'head.delete'), 'utf8').catch((err) => {
        if (err.code === 'ENOENT')
            return '';
        throw err;
    });
    return text
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '' && !line.startsWith('#'));
}
function insideTree(root, path) {
    const full = normalize(join(root, path));
    if (!full.startsWith(root + sep))
        throw new RunError(`head.delete entry escapes the module: ${path}`);
    return full;
}
/**
 * A git repository with two commits: fixtures/NAME/base, then the head overlay on top of it (files from
 * fixtures/NAME/head copied over, files listed in head.delete removed). dest must be empty or absent.
 */
async function makeFixtureRepo(run, name, dest) {
    const src = join(FIXTURES_DIR, name);
    await mkdir(dest, { recursive: true });
    await cp(join(src, 'base'), dest, { recursive: true });
    await git(run, dest, ['init', '--quiet'], BASE_DATE);
    await git(run, dest, ['add', '--all'], BASE_DATE);
    await git(run, dest, ['commit', '--quiet', '--message', `${name}: base`], BASE_DATE);
    const baseSha = await git(run, dest, ['rev-parse', 'HEAD'], BASE_DATE);
    await cp(join(src, 'head'), dest, { recursive: true });
    for (const path of await readHeadDelete(name))
        await rm(insideTree(dest, path));
    await git(run, dest, ['add', '--all'], HEAD_DATE);
    await git(run, dest, ['commit', '--quiet', '--message', `${name}: head`], HEAD_DATE);
    const headSha = await git(run, dest, ['rev-parse', 'HEAD'], HEAD_DATE);
    return { dir: dest, baseSha, headSha };
}

// Escaping for text that comes from the code under test: benchmark, package and function names, file paths,
// panic text, compiler output. A pull request controls all of it, and in the fork workflow even report.json is
// uploaded by the untrusted run, so every string of a Report goes through one of these functions before it
// reaches a comment, a job summary, a terminal or the HTML report.
//
// GitHub renders a comment in two stages, and each needs its own defence:
// 1. cmark-gfm parses the markdown. Backslash escapes and character references defeat its syntax: tables,
//    emphasis, links, raw HTML, headings, lists, fences, math.
// 2. Filters then rewrite the *rendered text*: @mentions, #123 issue references, bare-URL autolinks. They see
//    text after escapes and entities are decoded, so `\@user` and `&#64;user` still ping @user. Only a change
//    to the characters themselves defeats them: a zero-width space after the trigger, as Dependabot and
//    Renovate do. The filters skip code spans, which is why names are best shown with `inlineCode`.
/** Zero-width space, written as a reference so the markdown source shows where it was put. */
const ZWSP = '&#8203;';
// cmark-gfm ends a line at \n and \r; U+2028, U+2029 and NEL end lines for other readers of the same text.
const LINE_BREAK = /\r\n|[\n\r\u2028\u2029\u0085]/g;
// C0 and C1 controls (terminal escape sequences among them) and the bidirectional overrides and isolates that
// make text display in another order than it reads ("Trojan Source"). Tab is handled apart: it is only space.
const UNSAFE_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const REPLACEMENT = '\uFFFD';
/**
 * Makes untrusted text one line of inert characters: line breaks and tabs become spaces (a line break would
 * end a table row or a paragraph), controls and bidi overrides become U+FFFD (they can recolour a terminal or
 * reorder what is displayed around them). The basis of every other function here, and on its own the escaping
 * for plain-text (terminal) output.
 */
function singleLine(text) {
    return text.replace(LINE_BREAK, ' ').replace(/\t/g, ' ').replace(UNSAFE_CHAR, REPLACEMENT);
}
/** Like `singleLine`, but keeps line breaks (normalised to \n) for multi-line output in code blocks. */
function inertLines(text) {
    return text
        .replace(LINE_BREAK, '\n')
        .split('\n')
        .map((line) => line.replace(UNSAFE_CHAR, REPLACEMENT))
        .join('\n');
}
// GitHub's rendered-text filters, matched in the source text. Each match gets a zero-width space inserted
// right after its trigger, so the rendered text no longer has the pattern the filter looks for:
//   ://          bare URLs (http://, https://, ftp://) that the autolink extension turns into links
//   www.         bare www. host names, autolinked the same way
//   GH-<digit>   GH-123 issue references (they link and leave a cross-reference in the target's timeline)
//   #<digit>     #123 and owner/repo#123 issue references, same
//   @            @user and @org/team mentions (they notify), and user@host email autolinks
// Commit SHAs are left alone: GitHub links one only when it is a commit of this repository.
const FILTER_TRIGGER = /:\/\/|www\.|GH-(?=\d)|#(?=\d)|@/giy;
function neutraliseFilter(match) {
    if (match === '://')
        return `:${ZWSP}//`;
    if (match.toLowerCase() === 'www.')
        return `${match.slice(0, 3)}${ZWSP}.`;
    return `${match}${ZWSP}`;
}
// Characters with inline meaning in GFM, escaped wherever they appear:
//   \       so that no backslash of the input can escape our own escapes
//   `       code spans and fences
//   * _     emphasis, and thematic breaks at the start of a line
//   ~       strikethrough, and ~~~ fences
//   [ ]     links, images (![), footnotes ([^1]) and link reference definitions
//   |       table cells: GFM splits a row at every pipe before any inline parsing
//   $       GitHub's math ($x$, $$...$$)
// and as character references (they render as the character):
//   < >     raw HTML (<b>, <details>, </details>, <!--) and <http://...> autolinks; > at a line start quotes
//   &       so an entity in the input (&lt;, &#64;) is shown as written, never decoded into markup
const MARKDOWN_CHAR = /[\\`*_~[\]|$<>&]/;
const HTML_ENTITY = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' };
function escapeMarkdownChar(char) {
    return HTML_ENTITY[char] ?? `\\${char}`;
}
/** One pass over `text`, so no escape inserted by one rule is seen by another. */
function transform(text, escapeChar) {
    let out = '';
    for (let i = 0; i < text.length;) {
        FILTER_TRIGGER.lastIndex = i;
        const trigger = FILTER_TRIGGER.exec(text);
        if (trigger !== null) {
            out += neutraliseFilter(trigger[0]);
            i += trigger[0].length;
            continue;
        }
        const char = text[i];
        out += escapeChar(char) ?? char;
        i += 1;
    }
    return out;
}
// Block syntax that only means something at the start of a line. The escaped text may be placed there (a list
// item, a paragraph), so its first character is escaped when the line could open such a block:
//   # ...      an ATX heading (1 to 6 #, then a space or the end)
//   - ... + ...  a bullet list item (the marker, then a space or the end)
//   1. ... 1)  an ordered list item (up to 9 digits, the marker, then a space or the end)
//   --- ===    a thematic break or a setext heading underline (the whole line of - or =, spaces allowed)
// (>, *, _, ` and ~ are escaped everywhere; leading spaces, which could open an indented code block, are trimmed.)
const LINE_START = /^(?:#(?=#{0,5}(?: |$))|[-+](?= |$)|\d{1,9}[.)](?= |$)|-(?=[- ]*$)|=(?=[= ]*$))/;
/**
 * Escapes untrusted text for markdown inline content and GFM table cells: the result renders as the input
 * (up to line breaks, shown as spaces, and surrounding whitespace, trimmed) and never breaks a table, starts a
 * mention, makes a link, image or issue reference, opens HTML or closes our `<details>`, or forms emphasis,
 * code, heading, quote, list or math syntax.
 */
function escapeMarkdown(text) {
    const line = singleLine(text).trim();
    const escaped = transform(line, (char) => (MARKDOWN_CHAR.test(char) ? escapeMarkdownChar(char) : undefined));
    const start = LINE_START.exec(escaped);
    if (start === null)
        return escaped;
    // Escaping the last character of the match is enough: `\# x`, `\- x`, `1\. x`, `\---`.
    const marker = start[0];
    return `${marker.slice(0, -1)}\\${marker.slice(-1)}${escaped.slice(marker.length)}`;
}
/**
 * Shows untrusted text verbatim in a code span: inside one, markdown, HTML and GitHub's mention and link
 * filters do not apply, so a name keeps exactly its characters (nothing invisible is added, copying works).
 * Returns '' for empty text (an empty code span is not a code span).
 *
 * Put a space or other text between two code spans: adjacent backtick fences would merge.
 */
function inlineCode(text, options = {}) {
    let code = singleLine(text);
    if (code === '')
        return '';
    // A code span ends at the first backtick run as long as its opening one, so the fence must be longer than
    // any run inside.
    const fence = '`'.repeat(longestRun(code, '`') + 1);
    // CommonMark strips one space from each end when both ends have one; that same rule lets a padded span
    // begin or end with a backtick. Pad exactly when the content would otherwise be changed or misparsed.
    const needsPadding = /^`|`$/.test(code) || /^ .*[^ ].* $/.test(code);
    if (options.inTable ?? true)
        code = code.replace(/\|/g, '\\|');
    return needsPadding ? `${fence} ${code} ${fence}` : `${fence}${code}${fence}`;
}
/**
 * A fenced code block showing untrusted multi-line text verbatim (compiler output, a command). The fence is
 * longer than any backtick run in the text, so no line of it can close the block early; inside a block nothing
 * is markdown, HTML, a mention or a link.
 */
function codeBlock(text, info = '') {
    const body = inertLines(text).replace(/\n+$/, '');
    const fence = '`'.repeat(Math.max(3, longestRun(body, '`') + 1));
    // The info string is ours (a language name); keep it to word characters so it cannot hold a backtick.
    const lang = info.replace(/[^\w+-]/g, '');
    return `${fence}${lang}\n${body}\n${fence}`;
}
/**
 * Escapes untrusted text placed inside raw HTML in a GitHub markdown document, such as a `<summary>`. cmark-gfm
 * passes that HTML through without markdown parsing (so markdown escapes would show their backslashes), but a
 * blank line would end the HTML block, and GitHub's mention and link filters still run on its text. So: one
 * line, HTML-escaped, with the filters' triggers neutralised as in `escapeMarkdown`.
 */
function escapeHtmlInMarkdown(text) {
    return transform(singleLine(text), (char) => HTML_ENTITY[char]);
}
function longestRun(text, char) {
    let longest = 0;
    let run = 0;
    for (const c of text) {
        run = c === char ? run + 1 : 0;
        if (run > longest)
            longest = run;
    }
    return longest;
}

// Fitting a document under a length limit by leaving out whole sections. GitHub rejects a comment body over
// 65,536 characters, and a cut in the middle of a table, a code fence or a <details> block would break the
// rendering of everything after it, so a section is kept whole or left out whole.
/** GitHub's limit on a comment body. */
const SEPARATOR = '\n\n';
/**
 * Joins the sections with blank lines. When the result would be longer than `maxLength`, leaves out cuttable
 * sections (lowest rank first, then from the end) until it and the notice that `notice` writes about the
 * omitted sections fit; the notice goes last. Length is counted in UTF-16 code units, which is never less than
 * the characters GitHub counts.
 *
 * @throws RangeError when even the sections that cannot be cut, with the notice, do not fit.
 */
function fitSections(sections, maxLength, notice) {
    const full = sections.map((s) => s.text).join(SEPARATOR);
    if (maxLength === undefined || full.length <= maxLength)
        return full;
    const kept = sections.map(() => true);
    const cutOrder = sections
        .map((section, index) => ({ section, index }))
        .filter(({ section }) => section.cutRank !== undefined)
        .sort((a, b) => (a.section.cutRank ?? 0) - (b.section.cutRank ?? 0) || b.index - a.index);
    let keptLength = full.length;
    for (const { section, index } of cutOrder) {
        kept[index] = false;
        keptLength -= section.text.length + SEPARATOR.length;
        const omitted = omittedGroups(sections, kept);
        const tail = notice(omitted);
        if (keptLength + SEPARATOR.length + tail.length <= maxLength) {
            return [...sections.filter((_, i) => kept[i]).map((s) => s.text), tail].join(SEPARATOR);
        }
    }
    throw new RangeError(`maxLength ${maxLength} is too small for the parts of the report that are never cut`);
}
function omittedGroups(sections, kept) {
    const counts = new Map();
    sections.forEach((section, i) => {
        if (!kept[i])
            counts.set(section.group, (counts.get(section.group) ?? 0) + 1);
    });
    return [...counts].map(([group, count]) => ({ group, count }));
}

// Number formatting in the manner of benchstat (golang.org/x/perf/benchunit): a value is scaled by an SI or
// binary prefix and printed with three significant digits (`1.23µs`, `12.3KiB`, `123k`), because more digits
// than that are noise on a shared CI runner and fewer hide a real difference. Trailing zeros after the point
// are dropped (`1.5KiB`, `3`): allocation counts and byte sizes are usually round.
//
// Every output is built from our own characters (digits, sign, point, SI and IEC prefixes, our unit symbols,
// `%`, `~`, `—`, `∞`, `p=`, `p<`), never from a unit string of the input, and none of them forms markdown where
// the renderers put it, so renderers use them without escaping.
/** Shown where a value is missing (a benchmark that did not run on one side, a change from zero). */
const MISSING = '—';
/** Shown instead of a change that the statistics could not tell from noise, as benchstat does. */
const NOT_SIGNIFICANT = '~';
/** benchstat's default significance level. */
const DEFAULT_ALPHA = 0.05;
// Thresholds are parsed from their decimal spelling (as benchunit does), so that the choice of prefix and
// decimals agrees with how the printed number rounds: 999.5µs prints as 1ms, never as 1000µs.
function siPrefixes(symbols, topExponent) {
    return symbols.map((symbol, i) => {
        const exp = topExponent - 3 * i;
        return {
            factor: 10 ** exp,
            symbol,
            t100: Number(`99.95e${exp}`),
            t10: Number(`9.995e${exp}`),
            t1: Number(`0.9995e${exp}`)
        };
    });
}
// Binary prefixes stop at the unit: fractions of a byte have no prefix. Because 1 KiB is 1024 B, values in
// [1000, 1024) keep the smaller prefix (`1020B`), as benchstat prints them.
function iecPrefixes() {
    return ['Ti', 'Gi', 'Mi', 'Ki', ''].map((symbol, i) => {
        const factor = 2 ** (40 - 10 * i);
        return { factor, symbol, t100: 99.95 * factor, t10: 9.995 * factor, t1: 0.9995 * factor };
    });
}
const TIME_PREFIXES = siPrefixes(['', 'm', 'µ', 'n'], 0);
// Counts get no fractional prefixes: "500m allocs/op" reads worse than 0.5.
const COUNT_PREFIXES = siPrefixes(['T', 'G', 'M', 'k', ''], 12);
const BYTE_PREFIXES = iecPrefixes();
const COUNT = { toBase: 1, prefixes: COUNT_PREFIXES, symbol: '' };
const UNIT_FORMATS = {
    'ns/op': { toBase: 1e-9, prefixes: TIME_PREFIXES, symbol: 's' },
    ns: { toBase: 1e-9, prefixes: TIME_PREFIXES, symbol: 's' },
    'µs': { toBase: 1e-6, prefixes: TIME_PREFIXES, symbol: 's' },
    us: { toBase: 1e-6, prefixes: TIME_PREFIXES, symbol: 's' },
    ms: { toBase: 1e-3, prefixes: TIME_PREFIXES, symbol: 's' },
    'ms/op': { toBase: 1e-3, prefixes: TIME_PREFIXES, symbol: 's' },
    's': { toBase: 1, prefixes: TIME_PREFIXES, symbol: 's' },
    'sec/op': { toBase: 1, prefixes: TIME_PREFIXES, symbol: 's' },
    'B/op': { toBase: 1, prefixes: BYTE_PREFIXES, symbol: 'B' },
    B: { toBase: 1, prefixes: BYTE_PREFIXES, symbol: 'B' },
    bytes: { toBase: 1, prefixes: BYTE_PREFIXES, symbol: 'B' },
    // benchstat reads -benchmem's MB/s as decimal megabytes (testing divides by 1e6).
    'MB/s': { toBase: 1e6, prefixes: COUNT_PREFIXES, symbol: 'B/s' }
};
/** Significant-digit thresholds below the smallest prefix: 0.0995 needs 3 decimals, 0.00995 needs 4, ... */
const SMALL_THRESHOLDS = Array.from({ length: 8 }, (_, i) => Number(`9.995e${ -2 - i}`));
function scale(abs, prefixes) {
    for (const p of prefixes) {
        if (abs >= p.t100)
            return { text: (abs / p.factor).toFixed(0), symbol: p.symbol };
        if (abs >= p.t10)
            return { text: (abs / p.factor).toFixed(1), symbol: p.symbol };
        if (abs >= p.t1)
            return { text: (abs / p.factor).toFixed(2), symbol: p.symbol };
    }
    // Below the smallest prefix: more decimals, up to 10 like benchunit.
    const smallest = prefixes[prefixes.length - 1];
    const scaled = abs / smallest.factor;
    const index = SMALL_THRESHOLDS.findIndex((t) => scaled >= t);
    const decimals = index === -1 ? 10 : index + 3;
    return { text: scaled.toFixed(decimals), symbol: smallest.symbol };
}
function trimZeros(text) {
    return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
function nonFinite(value) {
    if (Number.isNaN(value))
        return 'NaN';
    return value > 0 ? '∞' : '-∞';
}
/**
 * Formats a measured value in its benchmark unit: time units as seconds with an SI prefix (`1.23µs`), byte
 * units with a binary prefix (`1.5KiB`), MB/s as `B/s`, everything else as a scaled count (`1.23k`) without a
 * unit, which the metric column names. `null` (no value) prints as `—`.
 */
function formatValue(value, unit) {
    if (value === null)
        return MISSING;
    if (!Number.isFinite(value))
        return nonFinite(value);
    const format = UNIT_FORMATS[unit] ?? COUNT;
    const base = value * format.toBase;
    if (base === 0)
        return `0${format.symbol}`;
    const { text, symbol } = scale(Math.abs(base), format.prefixes);
    return `${base < 0 ? '-' : ''}${trimZeros(text)}${symbol}${format.symbol}`;
}
/** Formats a difference in a unit with an explicit sign: `+1.5KiB`, `-320ns`; zero has no sign. */
function formatDelta(value, unit) {
    if (value === null || value <= 0 || !Number.isFinite(value))
        return formatValue(value, unit);
    return `+${formatValue(value, unit)}`;
}
/** A site's growth per op: bytes (`+1KiB`) or allocated objects (`+1.02 objects`). */
function formatSiteDelta(value, unit) {
    return unit === 'objects' ? `${formatDelta(value, '')} objects` : formatDelta(value, 'B');
}
/**
 * Formats a relative change ((head - base) / base) as a signed percentage with three significant digits (at
 * most two decimals): `+12.3%`, `-4.56%`, `+150%`. `null` (base zero or missing) prints as `—`.
 */
function formatChange(change) {
    if (change === null)
        return MISSING;
    if (!Number.isFinite(change))
        return nonFinite(change);
    const pct = change * 100;
    const abs = Math.abs(pct);
    const text = abs >= 99.95 ? abs.toFixed(0) : abs >= 9.995 ? abs.toFixed(1) : abs.toFixed(2);
    if (Number(text) === 0)
        return '0.00%';
    return `${pct < 0 ? '-' : '+'}${text}%`;
}
/** `p=0.002`, `p<0.001` below what three decimals show, `—` when no statistical test applied. */
function formatPValue(pValue) {
    if (pValue === null)
        return MISSING;
    if (!Number.isFinite(pValue))
        return `p=${nonFinite(pValue)}`;
    const text = pValue.toFixed(3);
    return Number(text) === 0 && pValue >= 0 ? 'p<0.001' : `p=${text}`;
}
/**
 * The change column of a comparison, as benchstat shows it: `~` when a statistical test ran and could not tell
 * the change from noise (p >= alpha), the signed percentage otherwise. Deterministic metrics (no p-value)
 * always show their change.
 */
function formatChangeOrNoise(change, pValue, alpha = DEFAULT_ALPHA) {
    if (pValue !== null && pValue >= alpha)
        return NOT_SIGNIFICANT;
    return formatChange(change);
}

// To do: next major: remove.
/**
 * @typedef {Options} MarkdownTableOptions
 *   Configuration.
 */

/**
 * @typedef Options
 *   Configuration.
 * @property {boolean | null | undefined} [alignDelimiters=true]
 *   Whether to align the delimiters (default: `true`);
 *   they are aligned by default:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   Pass `false` to make them staggered:
 *
 *   ```markdown
 *   | Alpha | B |
 *   | - | - |
 *   | C | Delta |
 *   ```
 * @property {ReadonlyArray<string | null | undefined> | string | null | undefined} [align]
 *   How to align columns (default: `''`);
 *   one style for all columns or styles for their respective columns;
 *   each style is either `'l'` (left), `'r'` (right), or `'c'` (center);
 *   other values are treated as `''`, which doesn’t place the colon in the
 *   alignment row but does align left;
 *   *only the lowercased first character is used, so `Right` is fine.*
 * @property {boolean | null | undefined} [delimiterEnd=true]
 *   Whether to end each row with the delimiter (default: `true`).
 *
 *   > 👉 **Note**: please don’t use this: it could create fragile structures
 *   > that aren’t understandable to some markdown parsers.
 *
 *   When `true`, there are ending delimiters:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   When `false`, there are no ending delimiters:
 *
 *   ```markdown
 *   | Alpha | B
 *   | ----- | -----
 *   | C     | Delta
 *   ```
 * @property {boolean | null | undefined} [fillRows=true]
 *   Whether to fill rows with empty cells up to the most cells in a row
 *   (default: `true`).
 *
 *   When `true`, all rows have as many cells as the longest row:
 *
 *   ```markdown
 *   | Alpha | B    |   |
 *   | ----- | ---- | - |
 *   | C     |      |   |
 *   | D     | Echo | F |
 *   ```
 *
 *   When `false`, rows keep their cells,
 *   and the delimiter row has as many cells as the header row:
 *
 *   ```markdown
 *   | Alpha | B    |
 *   | ----- | ---- |
 *   | C     |
 *   | D     | Echo | F |
 *   ```
 * @property {boolean | null | undefined} [delimiterStart=true]
 *   Whether to begin each row with the delimiter (default: `true`).
 *
 *   > 👉 **Note**: please don’t use this: it could create fragile structures
 *   > that aren’t understandable to some markdown parsers.
 *
 *   When `true`, there are starting delimiters:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   When `false`, there are no starting delimiters:
 *
 *   ```markdown
 *   Alpha | B     |
 *   ----- | ----- |
 *   C     | Delta |
 *   ```
 * @property {boolean | null | undefined} [padding=true]
 *   Whether to add a space of padding between delimiters and cells
 *   (default: `true`).
 *
 *   When `true`, there is padding:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   When `false`, there is no padding:
 *
 *   ```markdown
 *   |Alpha|B    |
 *   |-----|-----|
 *   |C    |Delta|
 *   ```
 * @property {((value: string) => number) | null | undefined} [stringLength]
 *   Function to detect the length of table cell content (optional);
 *   this is used when aligning the delimiters (`|`) between table cells;
 *   full-width characters and emoji mess up delimiter alignment when viewing
 *   the markdown source;
 *   to fix this, you can pass this function,
 *   which receives the cell content and returns its “visible” size;
 *   note that what is and isn’t visible depends on where the text is displayed.
 *
 *   Without such a function, the following:
 *
 *   ```js
 *   markdownTable([
 *     ['Alpha', 'Bravo'],
 *     ['中文', 'Charlie'],
 *     ['👩‍❤️‍👩', 'Delta']
 *   ])
 *   ```
 *
 *   Yields:
 *
 *   ```markdown
 *   | Alpha | Bravo |
 *   | - | - |
 *   | 中文 | Charlie |
 *   | 👩‍❤️‍👩 | Delta |
 *   ```
 *
 *   With [`string-width`](https://github.com/sindresorhus/string-width):
 *
 *   ```js
 *   import stringWidth from 'string-width'
 *
 *   markdownTable(
 *     [
 *       ['Alpha', 'Bravo'],
 *       ['中文', 'Charlie'],
 *       ['👩‍❤️‍👩', 'Delta']
 *     ],
 *     {stringLength: stringWidth}
 *   )
 *   ```
 *
 *   Yields:
 *
 *   ```markdown
 *   | Alpha | Bravo   |
 *   | ----- | ------- |
 *   | 中文  | Charlie |
 *   | 👩‍❤️‍👩    | Delta   |
 *   ```
 */

/**
 * Get the length of a cell.
 *
 * @param {string} value
 *   Cell value.
 * @returns {number}
 *   Cell size.
 */
function defaultStringLength(value) {
  return value.length
}

/**
 * Generate a markdown
 * ([GFM](https://docs.github.com/en/github/writing-on-github/working-with-advanced-formatting/organizing-information-with-tables))
 * table.
 *
 * @param {ReadonlyArray<ReadonlyArray<string | null | undefined>>} table
 *   Table data (matrix of strings).
 * @param {Readonly<Options> | null | undefined} [options]
 *   Configuration (optional).
 * @returns {string}
 *   Result.
 */
function markdownTable(table, options) {
  const settings = options || {};
  // To do: next major: change to spread.
  // eslint-disable-next-line unicorn/prefer-spread -- `align` can be a string.
  const align = (settings.align || []).concat();
  const stringLength = settings.stringLength || defaultStringLength;
  /** @type {Array<number>} Character codes as symbols for alignment per column. */
  const alignments = [];
  /** @type {Array<Array<string>>} Cells per row. */
  const cellMatrix = [];
  /** @type {Array<Array<number>>} Sizes of each cell per row. */
  const sizeMatrix = [];
  /** @type {Array<number>} */
  const longestCellByColumn = [];
  let mostCellsPerRow = 0;
  let rowIndex = -1;

  // This is a superfluous loop if we don’t align delimiters, but otherwise we’d
  // do superfluous work when aligning, so optimize for aligning.
  while (++rowIndex < table.length) {
    /** @type {Array<string>} */
    const row = [];
    /** @type {Array<number>} */
    const sizes = [];
    let columnIndex = -1;

    if (table[rowIndex].length > mostCellsPerRow) {
      mostCellsPerRow = table[rowIndex].length;
    }

    while (++columnIndex < table[rowIndex].length) {
      const cell = serialize(table[rowIndex][columnIndex]);

      if (settings.alignDelimiters !== false) {
        const size = stringLength(cell);
        sizes[columnIndex] = size;

        if (
          longestCellByColumn[columnIndex] === undefined ||
          size > longestCellByColumn[columnIndex]
        ) {
          longestCellByColumn[columnIndex] = size;
        }
      }

      row.push(cell);
    }

    cellMatrix[rowIndex] = row;
    sizeMatrix[rowIndex] = sizes;
  }

  // Figure out which alignments to use.
  let columnIndex = -1;

  if (typeof align === 'object' && 'length' in align) {
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = toAlignment(align[columnIndex]);
    }
  } else {
    const code = toAlignment(align);

    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = code;
    }
  }

  // Inject the alignment row.
  columnIndex = -1;
  /** @type {Array<string>} */
  const row = [];
  /** @type {Array<number>} */
  const sizes = [];

  while (++columnIndex < mostCellsPerRow) {
    const code = alignments[columnIndex];
    let before = '';
    let after = '';

    if (code === 99 /* `c` */) {
      before = ':';
      after = ':';
    } else if (code === 108 /* `l` */) {
      before = ':';
    } else if (code === 114 /* `r` */) {
      after = ':';
    }

    // There *must* be at least one hyphen-minus in each alignment cell.
    let size =
      settings.alignDelimiters === false
        ? 1
        : Math.max(
            1,
            longestCellByColumn[columnIndex] - before.length - after.length
          );

    const cell = before + '-'.repeat(size) + after;

    if (settings.alignDelimiters !== false) {
      size = before.length + size + after.length;

      if (size > longestCellByColumn[columnIndex]) {
        longestCellByColumn[columnIndex] = size;
      }

      sizes[columnIndex] = size;
    }

    row[columnIndex] = cell;
  }

  // Inject the alignment row.
  cellMatrix.splice(1, 0, row);
  sizeMatrix.splice(1, 0, sizes);

  rowIndex = -1;
  /** @type {Array<string>} */
  const lines = [];

  while (++rowIndex < cellMatrix.length) {
    const row = cellMatrix[rowIndex];
    const sizes = sizeMatrix[rowIndex];
    const cellsInRow =
      settings.fillRows === false
        ? Math.max(1, cellMatrix[rowIndex === 1 ? 0 : rowIndex].length)
        : mostCellsPerRow;
    columnIndex = -1;
    /** @type {Array<string>} */
    const line = [];

    while (++columnIndex < cellsInRow) {
      const cell = row[columnIndex] || '';
      let before = '';
      let after = '';

      if (settings.alignDelimiters !== false) {
        const size =
          longestCellByColumn[columnIndex] - (sizes[columnIndex] || 0);
        const code = alignments[columnIndex];

        if (code === 114 /* `r` */) {
          before = ' '.repeat(size);
        } else if (code === 99 /* `c` */) {
          const half = size / 2;

          if (size % 2) {
            before = ' '.repeat(half + 0.5);
            after = ' '.repeat(half - 0.5);
          } else {
            before = ' '.repeat(half);
            after = before;
          }
        } else {
          after = ' '.repeat(size);
        }
      }

      if (settings.delimiterStart !== false && !columnIndex) {
        line.push('|');
      }

      if (
        settings.padding !== false &&
        // Don’t add the opening space if we’re not aligning and the cell is
        // empty: there will be a closing space.
        !(settings.alignDelimiters === false && cell === '') &&
        (settings.delimiterStart !== false || columnIndex)
      ) {
        line.push(' ');
      }

      if (settings.alignDelimiters !== false) {
        line.push(before);
      }

      line.push(cell);

      if (settings.alignDelimiters !== false) {
        line.push(after);
      }

      if (settings.padding !== false) {
        line.push(' ');
      }

      if (settings.delimiterEnd !== false || columnIndex !== cellsInRow - 1) {
        line.push('|');
      }
    }

    lines.push(
      settings.delimiterEnd === false
        ? line.join('').replace(/ +$/, '')
        : line.join('')
    );
  }

  return lines.join('\n')
}

/**
 * Serialize a cell value.
 *
 * @param {string | null | undefined} [value]
 *   Value to serialize.
 * @returns {string}
 *   Result.
 */
function serialize(value) {
  return value === null || value === undefined ? '' : String(value)
}

/**
 * Get the alignment character code from a value.
 *
 * @param {string | null | undefined} value
 *   Value.
 * @returns {number}
 *   Alignment.
 */
function toAlignment(value) {
  const code = typeof value === 'string' ? value.codePointAt(0) : 0;

  return code === 67 /* `C` */ || code === 99 /* `c` */
    ? 99 /* `c` */
    : code === 76 /* `L` */ || code === 108 /* `l` */
      ? 108 /* `l` */
      : code === 82 /* `R` */ || code === 114 /* `r` */
        ? 114 /* `r` */
        : 0
}

// What the markdown and the terminal renderings both say about a Report, computed once: the counts phrase of
// the verdict line, the tally of comparisons, the order of locations.
/** `3 failing, 1 warning, 2 info`, leaving out what is zero; '' when there are no findings. */
function countsPhrase(counts) {
    const parts = [];
    if (counts.fail > 0)
        parts.push(`${counts.fail} failing`);
    if (counts.warn > 0)
        parts.push(`${counts.warn} ${counts.warn === 1 ? 'warning' : 'warnings'}`);
    if (counts.info > 0)
        parts.push(`${counts.info} info`);
    return parts.join(', ');
}
function findingsOf(report, severity) {
    return report.findings.filter((f) => f.severity === severity);
}
/**
 * Locations in the order a reader should look at them: the sites that retain the most bytes per op first;
 * locations without a byte delta (goroutine creation sites, race accesses) keep the order compare gave them.
 */
function rankLocations(locations) {
    return locations
        .map((location, index) => ({ location, index }))
        .sort((a, b) => {
        const da = a.location.deltaPerOp;
        const db = b.location.deltaPerOp;
        if (da !== undefined && db !== undefined && da !== db)
            return db - da;
        if (da !== undefined && db === undefined)
            return -1;
        if (da === undefined && db !== undefined)
            return 1;
        return a.index - b.index;
    })
        .map((entry) => entry.location);
}
function tallyComparisons(report) {
    let regressed = 0;
    let improved = 0;
    let metrics = 0;
    for (const comparison of report.comparisons) {
        metrics += comparison.metrics.length;
        const statuses = new Set(comparison.metrics.map((m) => m.status));
        if (statuses.has('regression'))
            regressed++;
        else if (statuses.has('improvement'))
            improved++;
    }
    const benchmarks = report.comparisons.length;
    return {
        packages: new Set(report.comparisons.map((c) => c.pkg)).size,
        benchmarks,
        metrics,
        regressed,
        improved,
        unchanged: benchmarks - regressed - improved,
        onlyInBase: report.onlyInBase.length,
        onlyInHead: report.onlyInHead.length
    };
}
/** `Compared 12 benchmarks (30 metrics) in 3 packages: 2 regressed, 1 improved, 9 unchanged; 1 only in base.` */
function tallyPhrase(tally) {
    const s = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
    let text = `Compared ${s(tally.benchmarks, 'benchmark')} (${s(tally.metrics, 'metric')}) ` +
        `in ${s(tally.packages, 'package')}: ` +
        `${tally.regressed} regressed, ${tally.improved} improved, ${tally.unchanged} unchanged`;
    const oneSided = [];
    if (tally.onlyInBase > 0)
        oneSided.push(`${tally.onlyInBase} only in base`);
    if (tally.onlyInHead > 0)
        oneSided.push(`${tally.onlyInHead} only in head`);
    if (oneSided.length > 0)
        text += `; ${oneSided.join(', ')}`;
    return `${text}.`;
}
/** Comparisons grouped by package, packages and benchmarks in the order compare gave them. */
function groupByPackage(comparisons) {
    const groups = new Map();
    for (const comparison of comparisons) {
        const group = groups.get(comparison.pkg);
        if (group === undefined)
            groups.set(comparison.pkg, [comparison]);
        else
            group.push(comparison);
    }
    return groups;
}
/** Cuts text to at most `max` code points, marking the cut with `…`; never splits a surrogate pair. */
function clip(text, max) {
    const chars = Array.from(text);
    return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

// Building blocks shared by the markdown sections: tables of escaped cells, the finding table, and the
// bounds and cut ranks that keep the comment under GitHub's limit.
// Which sections go first when the comment is too long: the exhaustive listings before the explanations of
// what fails, and the failing table last of all. Sections without a rank (the verdict) are never cut.
const CUT_RANK = {
    packageComparisons: 10,
    infoFindings: 15,
    oneSided: 20,
    notes: 30,
    errors: 40,
    reproduce: 50,
    locations: 60,
    environment: 70,
    warnings: 80,
    failing: 90
};
// Bounds that keep one section from growing without limit with hostile or huge input: names are clipped in
// tables, long lists end with a count of what was left out.
const NAME_MAX$1 = 200;
const TEXT_MAX$1 = 1000;
const MAX_FINDING_ROWS = 100;
const MAX_LOCATIONS = 10;
/** A table of findings, one row each; shared with the info section of the details. */
function findingTable(findings) {
    const rows = findings
        .slice(0, MAX_FINDING_ROWS)
        .map((f) => [
        escapeMarkdown(f.kind),
        inlineCode(clip(f.pkg, NAME_MAX$1)),
        inlineCode(clip(f.subject, NAME_MAX$1)),
        escapeMarkdown(clip(f.metric, NAME_MAX$1)),
        formatValue(f.base, f.unit),
        formatValue(f.head, f.unit),
        formatChange(f.change),
        formatPValue(f.pValue)
    ]);
    const header = ['kind', 'package', 'benchmark or test', 'metric', 'base', 'head', 'change', 'p-value'];
    return table(header, rows, 'llllrrrr') + moreLine(findings.length - rows.length, 'finding');
}
/**
 * A GFM table of cells that are already escaped. Delimiters are not aligned (padding the source only costs
 * characters of the comment limit), but every cell keeps a space on each side: a cell ending in an escaped
 * backslash right before the next `|` would otherwise read as `\|` and swallow the separator.
 */
function table(header, rows, align) {
    return markdownTable([header, ...rows], { alignDelimiters: false, align: align.split('') });
}
function moreLine(count, noun) {
    return count > 0 ? `\n\n… and ${count} more ${count === 1 ? noun : `${noun}s`}, in the full report.` : '';
}

// The collapsible part of the comment: everything that was measured, for the reviewer who wants to check the
// verdict. Each <details> block is one Section, so a cut to fit the length limit never leaves one open.
// Compiler output can run to thousands of lines; the first errors are the ones that matter, and the rest is
// in report.json.
const MAX_ERROR_LINES = 60;
const MAX_ERROR_CHARS = 6000;
function detailSections(report, alpha = DEFAULT_ALPHA) {
    return [
        ...packageSections(report, alpha),
        ...infoSection(report),
        ...oneSidedSection(report),
        ...notesSection(report),
        ...errorsSection(report)
    ];
}
/**
 * A collapsed block. The summary is raw HTML (cmark-gfm does not parse markdown there), so it is escaped as
 * HTML; the blank lines around the body let the body be markdown and keep the closing tag on a line of its own.
 */
function details(summaryHtml, body, open = false) {
    return `<details${open ? ' open' : ''}>\n<summary>${summaryHtml}</summary>\n\n${body}\n\n</details>`;
}
function packageSections(report, alpha) {
    return [...groupByPackage(report.comparisons)].map(([pkg, comparisons]) => {
        const regressed = comparisons.filter((c) => c.metrics.some((m) => m.status === 'regression')).length;
        const summary = `<code>${escapeHtmlInMarkdown(clip(pkg, NAME_MAX$1))}</code> — ${comparisons.length} ` +
            `${comparisons.length === 1 ? 'benchmark' : 'benchmarks'}${regressed > 0 ? `, ${regressed} regressed` : ''}`;
        return {
            text: details(summary, comparisonTable(comparisons, alpha)),
            cutRank: CUT_RANK.packageComparisons,
            group: 'package comparisons'
        };
    });
}
function comparisonTable(comparisons, alpha) {
    const rows = comparisons.flatMap((c) => c.metrics.map((m) => [
        inlineCode(clip(c.benchmark, NAME_MAX$1)),
        escapeMarkdown(clip(m.metric, NAME_MAX$1)),
        formatValue(m.baseMedian, m.unit),
        formatValue(m.headMedian, m.unit),
        formatChangeOrNoise(m.change, m.pValue, alpha),
        m.pValue === null ? '' : formatPValue(m.pValue),
        statusCell(m)
    ]));
    return table(['benchmark', 'metric', 'base', 'head', 'change', 'p', 'status'], rows, 'llrrrrl');
}
function statusCell(m) {
    const status = m.status === 'regression' ? '**regression**' : escapeMarkdown(m.status.replace('-', ' '));
    const reason = escapeMarkdown(clip(m.reason, NAME_MAX$1));
    return reason === '' ? status : `${status}: ${reason}`;
}
function infoSection(report) {
    const info = findingsOf(report, 'info');
    if (info.length === 0)
        return [];
    return [
        {
            text: details(`ℹ️ Informational findings (${info.length})`, findingTable(info)),
            cutRank: CUT_RANK.infoFindings,
            group: 'informational findings'
        }
    ];
}
function oneSidedSection(report) {
    const row = (side, b) => [
        side,
        inlineCode(clip(b.pkg, NAME_MAX$1)),
        inlineCode(clip(b.benchmark, NAME_MAX$1))
    ];
    const rows = [
        ...report.onlyInBase.map((b) => row('only in base', b)),
        ...report.onlyInHead.map((b) => row('only in head', b))
    ];
    if (rows.length === 0)
        return [];
    const why = 'Listed, never failed: a renamed or new benchmark has nothing to compare with.';
    return [
        {
            text: details(`Benchmarks measured on one side only (${rows.length})`, `${why}\n\n${table(['side', 'package', 'benchmark'], rows, 'lll')}`),
            cutRank: CUT_RANK.oneSided,
            group: 'one-sided benchmarks'
        }
    ];
}
function notesSection(report) {
    if (report.notes.length === 0)
        return [];
    const items = report.notes.map((note) => `- ${escapeMarkdown(clip(note, TEXT_MAX$1))}`);
    return [{ text: details(`Notes (${items.length})`, items.join('\n')), cutRank: CUT_RANK.notes, group: 'notes' }];
}
function errorsSection(report) {
    if (report.errors.length === 0)
        return [];
    const blocks = report.errors.map(errorBlock);
    // Open when the run is incomplete: the banner at the top sends the reader here.
    return [
        {
            text: details(`Errors (${blocks.length})`, blocks.join('\n\n'), report.incomplete),
            cutRank: CUT_RANK.errors,
            group: 'errors'
        }
    ];
}
function errorBlock(error) {
    const title = `**${escapeMarkdown(error.side)}** · ${escapeMarkdown(clip(error.kind, NAME_MAX$1))} · ` +
        inlineCode(clip(error.subject, NAME_MAX$1), { inTable: false });
    const { text, cut } = firstLines(error.message);
    const block = codeBlock(text, 'text');
    return cut > 0 ? `${title}\n\n${block}\n\n… ${cut} more lines, in report.json.` : `${title}\n\n${block}`;
}
/** The head of a long message, cut at a line end; `cut` is how many lines were left out. */
function firstLines(message) {
    const lines = message.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
    const kept = [];
    let length = 0;
    for (const line of lines) {
        if (kept.length === MAX_ERROR_LINES || length + line.length > MAX_ERROR_CHARS)
            break;
        kept.push(line);
        length += line.length + 1;
    }
    // A single line longer than the budget is clipped rather than dropped.
    if (kept.length === 0 && lines.length > 0)
        kept.push(clip(lines[0], MAX_ERROR_CHARS));
    return { text: kept.join('\n'), cut: lines.length - kept.length };
}

// The PR comment and job summary: a Report rendered as GitHub-flavoured markdown. Read top-down it answers,
// in order, what a reviewer asks: did it pass, what fails, which lines did it, what else was measured, how do
// I reproduce it. Every string of the Report is escaped (see escape.ts); only our own words are written raw.
/**
 * Hidden first line of every comment: the publisher finds its sticky comment by it. Changing it orphans the
 * comments already posted, which would then be duplicated instead of updated.
 */
const COMMENT_MARKER = '<!-- go-leak-gate -->';
function renderMarkdown(report, opts = {}) {
    const sections = [
        header(report, opts.title ?? 'go-leak-gate'),
        ...findingTables(report),
        ...locationSections(report),
        ...detailSections(report, opts.alpha),
        ...reproduceSection(report),
        environmentSection(report)
    ];
    return fitSections(sections, opts.maxLength, (omitted) => cutNotice(omitted, opts));
}
function header(report, title) {
    const verdict = report.verdict === 'fail' ? '❌' : '✅';
    const counts = countsPhrase(report.counts);
    const name = escapeMarkdown(clip(title, NAME_MAX$1));
    const lines = [
        COMMENT_MARKER,
        `### ${verdict} ${name}: ${escapeMarkdown(report.verdict)}${counts === '' ? '' : ` — ${counts}`}`
    ];
    if (report.incomplete) {
        const errors = report.errors.length;
        lines.push('', '> [!WARNING]', `> **Incomplete:** part of the head run could not complete (${errors} ${errors === 1 ? 'error' : 'errors'}, ` +
            'see *Errors*); the verdict covers only what ran.');
    }
    lines.push('', tallyPhrase(tallyComparisons(report)));
    return { text: lines.join('\n'), group: 'verdict' };
}
function findingTables(report) {
    const sections = [];
    const failing = findingsOf(report, 'fail');
    if (failing.length > 0) {
        sections.push({
            text: `**❌ Failing (${failing.length})**\n\n${findingTable(failing)}`,
            cutRank: CUT_RANK.failing,
            group: 'failing findings'
        });
    }
    const warnings = findingsOf(report, 'warn');
    if (warnings.length > 0) {
        sections.push({
            text: `**⚠️ Warnings (${warnings.length})**\n\n${findingTable(warnings)}`,
            cutRank: CUT_RANK.warnings,
            group: 'warnings'
        });
    }
    return sections;
}
function locationSections(report) {
    const explained = [...findingsOf(report, 'fail'), ...findingsOf(report, 'warn')].filter((f) => f.locations.length > 0);
    return explained.map((finding, i) => ({
        // The heading travels with the first finding, which is cut last of them.
        text: `${i === 0 ? '### Responsible lines\n\n' : ''}${locationBlock(finding)}`,
        cutRank: CUT_RANK.locations,
        group: 'responsible lines'
    }));
}
function locationBlock(finding) {
    const mark = finding.severity === 'fail' ? '❌' : '⚠️';
    const title = `#### ${mark} ${escapeMarkdown(finding.kind)} · ${inlineCode(clip(finding.pkg, NAME_MAX$1), { inTable: false })}` +
        ` · ${inlineCode(clip(finding.subject, NAME_MAX$1), { inTable: false })}`;
    const parts = [title];
    const message = escapeMarkdown(clip(finding.message, TEXT_MAX$1));
    if (message !== '')
        parts.push(message);
    parts.push(locationTable(rankLocations(finding.locations)));
    return parts.join('\n\n');
}
function locationTable(locations) {
    const shown = locations.slice(0, MAX_LOCATIONS);
    const withDelta = shown.some((l) => l.deltaPerOp !== undefined);
    const withDiff = shown.some((l) => l.inDiff !== undefined);
    const header = ['function', 'file:line', 'role'];
    let align = 'lll';
    if (withDelta) {
        header.push('per op');
        align += 'r';
    }
    if (withDiff) {
        header.push('in this PR');
        align += 'l';
    }
    const rows = shown.map((l) => {
        const row = [
            inlineCode(clip(l.function, NAME_MAX$1)),
            inlineCode(`${clip(l.file, NAME_MAX$1)}:${String(l.line)}`),
            escapeMarkdown(l.role)
        ];
        if (withDelta)
            row.push(l.deltaPerOp === undefined ? '' : formatSiteDelta(l.deltaPerOp, l.deltaUnit));
        if (withDiff)
            row.push(l.inDiff === true ? '✏️ changed' : '');
        return row;
    });
    return table(header, rows, align) + moreLine(locations.length - shown.length, 'location');
}
function reproduceSection(report) {
    if (report.reproduce.length === 0)
        return [];
    const blocks = report.reproduce.map((r) => {
        const title = escapeMarkdown(clip(r.title, TEXT_MAX$1));
        return `${title === '' ? '' : `${title}\n\n`}${codeBlock(r.command, 'sh')}`;
    });
    return [
        {
            text: ['### Reproduce locally', ...blocks].join('\n\n'),
            cutRank: CUT_RANK.reproduce,
            group: 'reproduce commands'
        }
    ];
}
function environmentSection(report) {
    const { base, head } = report;
    const esc = (text) => escapeMarkdown(clip(text, NAME_MAX$1));
    const both = (b, h) => (b === h ? esc(b) : `${esc(b)} → ${esc(h)}`);
    const parts = [
        `Go ${both(base.goVersion, head.goVersion)}`,
        both(`${base.goos}/${base.goarch}`, `${head.goos}/${head.goarch}`),
        `CPU ${both(base.cpu === '' ? 'unknown' : base.cpu, head.cpu === '' ? 'unknown' : head.cpu)}`,
        `count=${both(String(base.count), String(head.count))}`,
        `benchtime=${both(base.benchtime, head.benchtime)}`
    ];
    if (base.race || head.race)
        parts.push(`race ${both(onOff(base.race), onOff(head.race))}`);
    parts.push(`base ${commit(base.commit)}`, `head ${commit(head.commit)}`);
    return { text: `**Environment:** ${parts.join(' · ')}`, cutRank: CUT_RANK.environment, group: 'environment' };
}
function onOff(flag) {
    return flag ? 'on' : 'off';
}
function commit(sha) {
    if (sha === undefined || sha === '')
        return 'unknown';
    // A commit id is left as text for GitHub to link to the commit (it links only commits of this repository);
    // anything else is shown as code. 12 digits stay unambiguous and short.
    return /^[0-9a-f]{7,40}$/i.test(sha) ? sha.slice(0, 12) : inlineCode(clip(sha, 12), { inTable: false });
}
function cutNotice(omitted, opts) {
    const what = omitted.map((o) => (o.count > 1 ? `${o.group} (${o.count})` : o.group)).join(', ');
    const limit = opts.maxLength === undefined ? '' : ` of ${opts.maxLength.toLocaleString('en-US')} characters`;
    let text = `✂️ **This report was cut** to fit the length limit${limit}; left out: ${what}.`;
    const url = safeUrl(opts.fullReportUrl);
    if (url !== undefined)
        text += ` [Read the full report](${url}).`;
    return text;
}
/** An http(s) URL that can stand as a link destination, or undefined. */
function safeUrl(url) {
    if (url === undefined || !/^https?:\/\/[^\s<>\\\u0000-\u001F\u007F]+$/i.test(url))
        return undefined;
    // Parentheses would end or nest the destination; percent-encoding them keeps the same URL.
    return url.replace(/\(/g, '%28').replace(/\)/g, '%29');
}

async function readDemoExpectations() {
    const e = JSON.parse(await readFile(join(FIXTURES_DIR, 'demo', 'expectations.json'), 'utf8'));
    const pkg = (dir) => `${e.module}/${dir}`;
    const findings = [
        ...e.benchmarks.flatMap((b) => (b.findings ?? []).filter((f) => f.severity === 'fail').map((f) => ({ kind: f.kind, pkg: pkg(b.pkg), subject: b.name, metric: f.metric }))),
        ...(e.tests ?? []).filter((t) => t.finding.severity === 'fail').map((t) => ({ kind: t.finding.kind, pkg: pkg(t.pkg), subject: t.test }))
    ];
    return { verdict: e.verdict, findings };
}
const describe = (f) => `${f.kind} ${f.pkg}.${f.subject}${f.metric ? ` (${f.metric})` : ''}`;
/**
 * Whether a demo report is the one the demo exists to show. The demo head fails the gate on purpose, so
 * a failing verdict is success here; a pass, an incomplete run, a planted finding that did not show or a
 * failing finding nobody planted is not. A goroutine leak may be named by the package when narrowing
 * could not name the test, so its subject is matched loosely.
 */
function judgeDemo(report, expected) {
    const differences = [];
    if (report.incomplete)
        differences.push(`the run did not complete (${report.errors.length} errors)`);
    if (report.verdict !== expected.verdict)
        differences.push(`verdict ${report.verdict}, the demo is built to ${expected.verdict}`);
    const failing = report.findings.filter((f) => f.severity === 'fail');
    const matches = (e, f) => f.kind === e.kind && f.pkg === e.pkg && (f.subject === e.subject || (e.kind === 'goroutine-leak' && (f.subject === e.pkg || f.subject.split(', ').includes(e.subject)))) && (e.metric === undefined || f.metric === e.metric);
    for (const e of expected.findings)
        if (!failing.some((f) => matches(e, f)))
            differences.push(`missing: ${describe(e)}`);
    for (const f of failing) {
        if (!expected.findings.some((e) => matches(e, f)))
            differences.push(`unexpected: ${describe({ kind: f.kind, pkg: f.pkg, subject: f.subject, metric: f.metric })}`);
    }
    return { asDesigned: differences.length === 0, differences };
}
async function runDemo(deps, outDir) {
    const work = outDir ?? (await mkdtemp(join(tmpdir(), 'go-leak-gate-demo-')));
    const repoDir = join(work, 'repo');
    await rm(repoDir, { recursive: true, force: true });
    deps.log(`building the demo repository in ${repoDir}`);
    const repo = await makeFixtureRepo(deps.run, 'demo', repoDir);
    const config = {
        // Enough runs per side for the Mann-Whitney test to reach significance after the
        // multiple-comparison control, short enough to finish in well under a minute.
        run: { dir: repo.dir, packages: ['./...'], bench: '.', count: 8, benchtime: '100ms', timeoutMs: 120_000, race: false },
        compare: DEFAULT_COMPARE,
        // The test pass too: the demo's head also leaks a goroutine (notify), found with no code change.
        tests: { ...DEFAULT_TESTS, timeoutMs: 120_000 }
    };
    const { report } = await gate(deps, config, repo.baseSha, join(work, 'results'));
    const markdownPath = join(work, 'report.md');
    await writeOutput(markdownPath, renderMarkdown(report));
    await writeOutput(join(work, 'report.json'), reportJson(report));
    return { report, markdownPath, outcome: judgeDemo(report, await readDemoExpectations()) };
}

// Go decides GOMAXPROCS itself (cgroup limits since 1.25); asking the runtime is the only exact way, and
// the benchmark name suffix (-P) can only be stripped reliably when P is known.
const PROBE = `package main

import (
	"fmt"
	"runtime"
)

func main() {
	fmt.Println(runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.GOMAXPROCS(0), runtime.NumCPU())
}
`;
async function probeToolchain(run, go = 'go') {
    const dir = await mkdtemp(join(tmpdir(), 'glg-probe-'));
    try {
        await writeFile(join(dir, 'go.mod'), 'module probe\n\ngo 1.21\n');
        await writeFile(join(dir, 'main.go'), PROBE);
        const env = { ...process.env, GOFLAGS: '' };
        const r = await run({ argv: [go, 'run', 'main.go'], cwd: dir, env, timeoutMs: 120_000 });
        if (r.spawnError?.code === 'ENOENT') {
            throw new RunError(`Go toolchain not found: '${go}' is not on PATH. Install Go 1.21 or newer (actions/setup-go in CI).`);
        }
        if (r.code !== 0) {
            throw new RunError(`Go toolchain does not work: 'go run' of a one-line program failed (${describeExit(r)})`, r.stderr);
        }
        const [version, goos, goarch, procs, cpus] = r.stdout.trim().split(/\s+/);
        const m = /^go1\.(\d+)/.exec(version ?? '');
        if (!m)
            throw new RunError(`unrecognised Go version '${version ?? ''}'`);
        const minor = Number(m[1]);
        if (minor < 21)
            throw new RunError(`Go ${version} is too old: go-leak-gate needs Go 1.21 or newer (go test -c -o DIR/)`);
        return { go, goVersion: version, goos, goarch, gomaxprocs: Number(procs), numCPU: Number(cpus), minor };
    }
    finally {
        await rm(dir, { recursive: true, force: true });
    }
}

// The CLI's terminal summary: what a developer needs to act on, in a few lines. Plain text without colour (the
// CLI adds colour when its output is a terminal); every string of the Report goes through singleLine, so the
// code under test cannot move the cursor, recolour the terminal or fake extra lines.
/** Locations listed under each finding; the markdown report has the rest. */
const TOP_LOCATIONS = 3;
const NAME_MAX = 120;
const TEXT_MAX = 300;
function renderText(report) {
    const counts = countsPhrase(report.counts);
    const lines = [`go-leak-gate: ${plain(report.verdict, 10).toUpperCase()}${counts === '' ? '' : ` — ${counts}`}`];
    if (report.incomplete) {
        lines.push(`Incomplete: part of the head run could not complete (${report.errors.length} ` +
            `${report.errors.length === 1 ? 'error' : 'errors'} below); the verdict covers only what ran.`);
    }
    const shown = [...findingsOf(report, 'fail'), ...findingsOf(report, 'warn')];
    if (shown.length > 0)
        lines.push('');
    for (const finding of shown)
        lines.push(...findingLines(finding));
    lines.push('', tallyPhrase(tallyComparisons(report)));
    if (report.errors.length > 0) {
        lines.push('', `Errors (${report.errors.length}):`);
        for (const error of report.errors) {
            const { first, more } = headline(error.message);
            const rest = more > 0 ? ` (+${more} more ${more === 1 ? 'line' : 'lines'})` : '';
            const what = `${plain(error.side, 10)} ${plain(error.kind, 20)} ${plain(error.subject, NAME_MAX)}`;
            lines.push(`  ${what}: ${plain(first, TEXT_MAX)}${rest}`);
        }
    }
    return `${lines.join('\n')}\n`;
}
function findingLines(finding) {
    const label = finding.severity === 'fail' ? 'FAIL' : 'WARN';
    const fields = [label, plain(finding.kind, 20), plain(finding.pkg, NAME_MAX), plain(finding.subject, NAME_MAX)];
    if (finding.metric !== '')
        fields.push(plain(finding.metric, 40));
    if (finding.base !== null || finding.head !== null) {
        fields.push(`${formatValue(finding.base, finding.unit)} → ${formatValue(finding.head, finding.unit)}`);
        const p = finding.pValue === null ? '' : ` (${formatPValue(finding.pValue)})`;
        fields.push(`${formatChange(finding.change)}${p}`);
    }
    else {
        // Without values (a failed benchmark) the message is the finding.
        fields.push(plain(finding.message, TEXT_MAX));
    }
    const lines = [fields.join('  ')];
    const ranked = rankLocations(finding.locations);
    for (const location of ranked.slice(0, TOP_LOCATIONS)) {
        const parts = [
            `${plain(location.file, NAME_MAX)}:${String(location.line)}`,
            plain(location.function, NAME_MAX),
            plain(location.role, 20)
        ];
        if (location.deltaPerOp !== undefined)
            parts.push(`${formatSiteDelta(location.deltaPerOp, location.deltaUnit)}/op`);
        if (location.inDiff === true)
            parts.push('(changed in this PR)');
        lines.push(`      at ${parts.join('  ')}`);
    }
    const more = ranked.length - TOP_LOCATIONS;
    if (more > 0)
        lines.push(`      … and ${more} more ${more === 1 ? 'location' : 'locations'}`);
    return lines;
}
/**
 * The line of a multi-line message worth showing alone. `go build` and `go vet` head each package's errors
 * with a `# import/path` line that says nothing the subject does not, so the first other line is taken.
 */
function headline(message) {
    const lines = message
        .replace(/\r\n?/g, '\n')
        .split('\n')
        .filter((line) => line.trim() !== '');
    const index = Math.max(0, lines.findIndex((line) => !line.startsWith('# ')));
    return { first: lines[index] ?? '', more: Math.max(0, lines.length - 1) };
}
function plain(text, max) {
    return clip(singleLine(text), max);
}

const RUN_OPTIONS = {
    dir: { type: 'string', default: '.' },
    packages: { type: 'string', multiple: true },
    bench: { type: 'string' },
    count: { type: 'string' },
    benchtime: { type: 'string' },
    timeout: { type: 'string' },
    'bench-race': { type: 'boolean' },
    tests: { type: 'string' },
    'no-tests': { type: 'boolean' },
    'test-timeout': { type: 'string' },
    'no-race': { type: 'boolean' },
    config: { type: 'string' },
    help: { type: 'boolean', short: 'h' }
};
const REPORT_OPTIONS = {
    json: { type: 'string' },
    markdown: { type: 'string' },
    quiet: { type: 'boolean', short: 'q' }
};
const HELP = {
    main: `go-leak-gate ${VERSION}: gate Go changes on benchmark regressions, allocations, retained heap and GC pauses.

Usage:
  go-leak-gate run     --dir MODULE --out DIR [options]      measure one tree, write DIR/result.json and profiles
  go-leak-gate compare --base DIR --head DIR [options]     compare two results and print the verdict
  go-leak-gate gate    --dir MODULE --base-ref REF [opts]  run base and head interleaved on this machine, compare
  go-leak-gate demo                                        run the gate on the bundled demo and show the report

Exit codes: 0 pass, 1 the gate failed, 2 bad usage or configuration, 3 the run could not complete.
Run 'go-leak-gate COMMAND --help' for a command's options.`,
    runOpts: `  --dir DIR          Go module root (default .)
  --packages PATTERN package pattern, repeatable (default ./...)
  --bench REGEX      benchmarks to run, as go test -bench (default .)
  --count N          runs per benchmark and side (default 10)
  --benchtime D      as go test -benchtime: 1s, 200ms, 1000x (default 1s)
  --timeout D        per benchmark process, e.g. 10m (default 10m)
  --bench-race       measure benchmarks under -race (only comparable with a base measured so)
  --tests REGEX      tests to run in the test pass, as go test -run (default .)
  --test-timeout D   per package in the test pass; longer is a hang (default 10m)
  --no-race          run the test pass without -race
  --no-tests         skip the test pass (races, goroutine leaks, hangs, panics)
  --config FILE      config file (default: .github/go-leak-gate.yml or go-leak-gate.yml in --dir)`,
    reportOpts: `  --json FILE        write report.json there
  --markdown FILE    write the markdown report there
  -q, --quiet        print only the verdict line`
};
HELP.run = `go-leak-gate run --dir MODULE --out DIR [options]

Builds one test binary per package with benchmarks, runs each benchmark in its own process --count
times with -benchmem, a memory profile and GODEBUG=gctrace=1, and writes DIR/result.json and DIR/profiles/.
Exit codes: 0 all measured, 1 a benchmark failed or hung, 2 bad usage, 3 part of the run could not be
measured (a package does not build, Go missing, a corrupt profile).

Options:
  --out DIR          result directory (required)
${HELP.runOpts}`;
HELP.compare = `go-leak-gate compare --base DIR --head DIR [--config FILE] [--json FILE] [--markdown FILE]

Compares two result directories written by 'run' and prints the verdict.

Options:
  --base DIR, --head DIR   result directories (required)
  --config FILE            config file with thresholds and statistics settings
${HELP.reportOpts}`;
HELP.gate = `go-leak-gate gate --dir MODULE --base-ref REF [options]

Checks REF out into a temporary git worktree, builds both sides' test binaries, runs base and head
interleaved (base, head, head, base, ...) on this machine and compares them.

Options:
  --base-ref REF     base commit, branch or tag (required)
  --out DIR          where base/ and head/ results go (default .go-leak-gate)
${HELP.runOpts}
${HELP.reportOpts}`;
HELP.demo = `go-leak-gate demo [--out DIR]

Builds a git repository from the bundled demo fixture (a base and a head with an extra allocation,
a memory leak, a goroutine leak and a slowdown), runs the gate on it and prints the markdown report.
Exits 0 when the gate reached the failing verdict the demo is built to show (a real run would exit 1
there), and non-zero when it did not: 1 for a different verdict or findings, 3 for an incomplete run.`;
function intOption(value, name) {
    if (value === undefined)
        return undefined;
    if (!/^[1-9][0-9]*$/.test(value))
        throw new UsageError(`--${name} must be a whole number of at least 1, like 10 (got '${value}')`);
    return Number(value);
}
function benchtimeOption(value) {
    if (value === undefined)
        return undefined;
    if (!/^([0-9]+x|[0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))$/.test(value)) {
        throw new UsageError(`--benchtime must be a duration or an iteration count, like 1s, 200ms or 1000x (got '${value}')`);
    }
    return value;
}
function runOverrides(v) {
    return {
        packages: v.packages,
        bench: v.bench,
        count: intOption(v.count, 'count'),
        benchtime: benchtimeOption(v.benchtime),
        timeoutMs: v.timeout !== undefined ? parseDuration(v.timeout, '--timeout') : undefined,
        race: v['bench-race']
    };
}
function testOverrides(v) {
    return {
        enabled: v['no-tests'] ? false : undefined,
        race: v['no-race'] ? false : undefined,
        run: v.tests,
        timeoutMs: v['test-timeout'] !== undefined ? parseDuration(v['test-timeout'], '--test-timeout') : undefined
    };
}
function parse(args, options, command) {
    try {
        return parseArgs({ args, options, allowPositionals: false, strict: true });
    }
    catch (err) {
        throw new UsageError(`${errorMessage(err)}\nRun 'go-leak-gate ${command} --help' for the options.`);
    }
}
function deps() {
    return { run: runProcess, log: (line) => process.stderr.write(`go-leak-gate: ${line}\n`) };
}
async function emitReport(report, v) {
    if (v.json)
        await writeOutput(v.json, reportJson(report));
    if (v.markdown)
        await writeOutput(v.markdown, renderMarkdown(report));
    const text = renderText(report);
    process.stdout.write(v.quiet ? text.split('\n')[0] + '\n' : text.endsWith('\n') ? text : text + '\n');
    return exitCodeForReport(report);
}
async function cmdRun(args) {
    const { values: v } = parse(args, { ...RUN_OPTIONS, out: { type: 'string' } }, 'run');
    if (v.help)
        return help('run');
    if (!v.out)
        throw new UsageError(`run needs --out DIR, the directory for result.json and profiles`);
    const dir = resolve$1(v.dir);
    const { file } = await readConfigFile(v.config, dir);
    const config = buildConfig(dir, file, runOverrides(v), testOverrides(v));
    const d = deps();
    const toolchain = await probeToolchain(d.run);
    const result = await runOnce({ ...d, toolchain }, config, resolve$1(v.out));
    const measured = result.packages.reduce((n, p) => n + p.benchmarks.filter((b) => b.runs.length > 0).length, 0);
    process.stdout.write(`measured ${measured} benchmarks in ${result.packages.length} packages; wrote ${resolve$1(v.out, 'result.json')}\n`);
    const failed = result.packages.flatMap((p) => p.benchmarks.filter((b) => b.failure).map((b) => `${p.importPath}.${b.name}: ${b.failure?.message ?? ''}`));
    for (const f of failed)
        process.stdout.write(`failed: ${f}\n`);
    const errors = result.errors.filter((e) => e.kind !== 'probe');
    for (const e of result.errors)
        process.stdout.write(`${e.kind === 'probe' ? 'note' : 'error'}: ${e.subject}: ${e.message}\n`);
    // 3 when part of the run could not be measured; 1 when the code under test failed or hung.
    return errors.length > 0 ? EXIT.incomplete : failed.length > 0 ? EXIT.fail : EXIT.pass;
}
async function cmdCompare(args) {
    const { values: v } = parse(args, { base: { type: 'string' }, head: { type: 'string' }, config: { type: 'string' }, dir: { type: 'string', default: '.' }, help: { type: 'boolean', short: 'h' }, ...REPORT_OPTIONS }, 'compare');
    if (v.help)
        return help('compare');
    if (!v.base || !v.head)
        throw new UsageError(`compare needs --base DIR and --head DIR (directories written by 'go-leak-gate run')`);
    const { file } = await readConfigFile(v.config, resolve$1(v.dir));
    const config = buildConfig(resolve$1(v.dir), file, {});
    const report = await compareDirs(v.base, v.head, config.compare, { run: runProcess, repoDir: resolve$1(v.dir) });
    return emitReport(report, v);
}
async function cmdGate(args) {
    const { values: v } = parse(args, { ...RUN_OPTIONS, ...REPORT_OPTIONS, 'base-ref': { type: 'string' }, out: { type: 'string', default: '.go-leak-gate' } }, 'gate');
    if (v.help)
        return help('gate');
    if (!v['base-ref'])
        throw new UsageError(`gate needs --base-ref REF, the commit to compare against (e.g. origin/main)`);
    const dir = resolve$1(v.dir);
    const { file } = await readConfigFile(v.config, dir);
    const config = buildConfig(dir, file, runOverrides(v), testOverrides(v));
    const d = deps();
    const toolchain = await probeToolchain(d.run);
    const { report } = await gate({ ...d, toolchain }, config, v['base-ref'], resolve$1(v.out));
    return emitReport(report, v);
}
async function cmdDemo(args) {
    const { values: v } = parse(args, { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, 'demo');
    if (v.help)
        return help('demo');
    const d = deps();
    const toolchain = await probeToolchain(d.run);
    const { report, markdownPath, outcome } = await runDemo({ ...d, toolchain }, v.out ? resolve$1(v.out) : undefined);
    process.stdout.write(renderMarkdown(report) + '\n');
    process.stdout.write(`\n---\n${renderText(report)}\nThe markdown report above is also in ${markdownPath}\n`);
    // The demo head fails the gate on purpose: reaching that verdict is the demo working, so it exits 0 and
    // says what a real run would have done. Anything else (a pass, a missed or unplanted finding) is a fault.
    const real = exitCodeForReport(report);
    if (outcome.asDesigned) {
        process.stdout.write(`demo: OK, the gate reached the verdict the demo is built to show (${report.verdict.toUpperCase()}); a real run would exit ${real} here\n`);
        return EXIT.pass;
    }
    process.stdout.write(`demo: NOT as designed:\n${outcome.differences.map((l) => `  ${l}`).join('\n')}\n`);
    return real === EXIT.pass ? EXIT.fail : real;
}
function help(command) {
    process.stdout.write((HELP[command] ?? HELP.main) + '\n');
    return EXIT.pass;
}
async function main(argv) {
    const [command, ...rest] = argv;
    try {
        switch (command) {
            case 'run':
                return await cmdRun(rest);
            case 'compare':
                return await cmdCompare(rest);
            case 'gate':
                return await cmdGate(rest);
            case 'demo':
                return await cmdDemo(rest);
            case undefined:
            case 'help':
            case '--help':
            case '-h':
                return help(rest[0] ?? 'main');
            case '--version':
                process.stdout.write(VERSION + '\n');
                return EXIT.pass;
            default:
                throw new UsageError(`unknown command '${command}'. Commands: run, compare, gate, demo. Run 'go-leak-gate --help'.`);
        }
    }
    catch (err) {
        const code = exitCodeFor(err);
        process.stderr.write(`go-leak-gate: ${errorMessage(err)}\n`);
        if (err instanceof RunError && err.detail)
            process.stderr.write(err.detail + '\n');
        else if (!(err instanceof UsageError) && !(err instanceof RunError) && err instanceof Error && err.stack)
            process.stderr.write(err.stack + '\n');
        return code;
    }
}
// Run only when executed, not when imported by tests.
const invoked = process.argv[1] ? realpathSync(process.argv[1]) : '';
if (invoked.endsWith('cli.js') || invoked.endsWith('cli.ts')) {
    main(process.argv.slice(2)).then((code) => process.exit(code));
}

export { main };
