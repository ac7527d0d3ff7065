// Tokens of kernel-style C, read from raw, unpreprocessed source.
// Preprocessor lines become single Directive tokens (the PreprocessorFilter interprets
// them); attribute-like words (const, __user, __attribute__, ...) are plain Identifiers
// here and are dropped by the token filter, so that their list stays data, not grammar.
lexer grammar CLexer;

tokens { TypedefName }

Auto: 'auto';
Break: 'break';
Case: 'case';
Char: 'char';
Continue: 'continue';
Default: 'default';
Do: 'do';
Double: 'double';
Else: 'else';
Enum: 'enum';
Extern: 'extern';
Float: 'float';
For: 'for';
Goto: 'goto';
If: 'if';
Int: 'int';
Long: 'long';
Return: 'return';
Short: 'short';
Signed: 'signed' | '__signed__' | '__signed';
Sizeof: 'sizeof';
Static: 'static';
Struct: 'struct';
Switch: 'switch';
Typedef: 'typedef';
Union: 'union';
Unsigned: 'unsigned';
Void: 'void';
While: 'while';
Bool: '_Bool';
Complex: '_Complex' | '__complex__';
Int128: '__int128' | '__int128_t' | '__uint128_t';
AutoType: '__auto_type';
ThreadLocal: '_Thread_local' | '__thread';
Alignof: '_Alignof' | '__alignof__' | '__alignof';
StaticAssert: '_Static_assert';
Typeof: 'typeof' | '__typeof__' | '__typeof' | 'typeof_unqual' | '__typeof_unqual__';
Asm: 'asm' | '__asm__' | '__asm';
Generic: '_Generic';
BuiltinOffsetof: '__builtin_offsetof';
BuiltinVaArg: '__builtin_va_arg';
BuiltinTypesCompatible: '__builtin_types_compatible_p';
LocalLabel: '__label__';

LeftParen: '(';
RightParen: ')';
LeftBracket: '[';
RightBracket: ']';
LeftBrace: '{';
RightBrace: '}';
Ellipsis: '...';
Arrow: '->';
PlusPlus: '++';
MinusMinus: '--';
LeftShiftAssign: '<<=';
RightShiftAssign: '>>=';
LeftShift: '<<';
RightShift: '>>';
LessEqual: '<=';
GreaterEqual: '>=';
Less: '<';
Greater: '>';
Equal: '==';
NotEqual: '!=';
AndAnd: '&&';
OrOr: '||';
StarAssign: '*=';
DivAssign: '/=';
ModAssign: '%=';
PlusAssign: '+=';
MinusAssign: '-=';
AndAssign: '&=';
XorAssign: '^=';
OrAssign: '|=';
Assign: '=';
Plus: '+';
Minus: '-';
Star: '*';
Div: '/';
Mod: '%';
And: '&';
Or: '|';
Caret: '^';
Not: '!';
Tilde: '~';
Question: '?';
Colon: ':';
Semi: ';';
Comma: ',';
Dot: '.';

Identifier: [a-zA-Z_$] [a-zA-Z0-9_$]*;

// Integer and floating constants, read as the preprocessor reads numbers (a pp-number: a digit,
// or '.' and a digit, then digits, letters, '_', '.', digit separators and signed exponents).
// That covers every suffix GCC accepts, and keeps a macro argument such as 9p_fid_ref (pasted
// into __tracepoint_9p_fid_ref) one token, as it is before pasting.
Constant: '.'? [0-9] ([0-9a-zA-Z_.'$] | [eEpP] [+-])*;

CharacterConstant: ('L' | 'u8' | 'u' | 'U')? '\'' (~['\\\r\n] | '\\' .)* '\'';
StringLiteral: ('L' | 'u8' | 'u' | 'U')? '"' (~["\\\r\n] | '\\' . | '\\' '\r'? '\n')* '"';

// A whole preprocessor line with its backslash continuations (and block comments).
Directive: '#' DirectivePart*;
fragment DirectivePart
    : ~[\r\n\\/]
    | '\\' '\r'? '\n'
    | '\\' ~[\r\n]
    | '\\'
    | '/*' .*? '*/'
    | '/'
    ;

BlockComment: '/*' .*? '*/' -> skip;
LineComment: '//' ~[\r\n]* -> skip;
Whitespace: [ \t\f\u000B]+ -> skip;
Newline: ('\r' '\n'? | '\n') -> skip;
LineContinuation: '\\' '\r'? '\n' -> skip;

// Anything else (stray backslash, '@', '`', non-ASCII): the parser reports it, the lexer never fails.
Unknown: .;
