// Kernel-style C, one top-level item at a time (the TopLevelSplitter cut the file).
// Designed for SLL prediction without conflicts: typedef names arrive re-tagged as
// TypedefName, an unknown type name is accepted only in shapes no expression can take,
// and 'else' is a statement of its own that the StatementTreeBuilder attaches to the
// innermost open 'if' before it (this keeps the dangling-else decision out of the grammar).
parser grammar CParser;

options { tokenVocab = CLexer; contextSuperClass = org.lockorder.frontend.c.CParserContext; }

// ---- entry points ----

translationItem: externalItem EOF;

standaloneExpression: assignmentExpression EOF;

externalItem
    : functionDefinition
    | declaration
    | unknownTypeFunctionDefinition
    | unknownTypeDeclaration
    | macroFunctionDefinition
    | macroDeclaration
    | asmStatement
    | Semi
    ;

functionDefinition: declarationSpecifiers declarator declaration* compoundStatement;

// 'foo_type bar(int x) { ... }' with a type name we could not know.
unknownTypeFunctionDefinition: storageClassSpecifier* Identifier simpleDeclarator compoundStatement;

// 'foo_type x;' 'foo_type *x = y, z;' at file scope.
unknownTypeDeclaration: storageClassSpecifier* Identifier simpleDeclarator initTail (Comma initDeclarator)* Semi;

// 'SYSCALL_DEFINE3(write, unsigned int, fd, ...) { ... }'
macroFunctionDefinition: storageClassSpecifier* Identifier LeftParen argumentList RightParen compoundStatement;

// 'static DEFINE_MUTEX(foo);'  'EXPORT_SYMBOL(fn);'  'module_init(x)'
macroDeclaration: storageClassSpecifier* Identifier LeftParen argumentList RightParen (Assign initializer)? Semi?;

// ---- declarations ----

declaration
    : declarationSpecifiers initDeclaratorList? Semi
    | staticAssertDeclaration
    ;

staticAssertDeclaration: StaticAssert LeftParen argumentList RightParen Semi;

// At least one type specifier, so that 'static FOO(x);' stays a macro declaration. Unknown
// words before the type ('static __net_init int', 'EXPORT_FOR_TESTS int') are attribute macros.
declarationSpecifiers: (storageClassSpecifier | attributeMacro)* typeSpecifier (storageClassSpecifier | typeSpecifier)*;

// 'EXPORT_FOR_TESTS', '__diagnose_as(f, 1, 2)': a macro call cannot stand before a type either.
attributeMacro: Identifier (LeftParen argumentList RightParen)?;

storageClassSpecifier: Typedef | Extern | Static | ThreadLocal | Auto;

typeSpecifier
    : Void | Char | Short | Int | Long | Float | Double | Signed | Unsigned
    | Bool | Complex | Int128 | AutoType
    | structOrUnionSpecifier
    | enumSpecifier
    | TypedefName
    | typeofSpecifier
    ;

typeofSpecifier: Typeof LeftParen (typeName | expression) RightParen;

structOrUnionSpecifier
    : structOrUnion Identifier? LeftBrace structDeclaration* RightBrace
    | structOrUnion Identifier
    ;

structOrUnion: Struct | Union;

structDeclaration
    : specifierQualifierList structDeclaratorList? Semi
    | Identifier simpleDeclarator bitfieldWidth? (Comma structDeclarator)* Semi
    | Identifier LeftParen argumentList RightParen Semi
    | staticAssertDeclaration
    | Semi
    ;

specifierQualifierList: typeSpecifier+;

structDeclaratorList: structDeclarator (Comma structDeclarator)*;

structDeclarator: declarator bitfieldWidth? | bitfieldWidth;

bitfieldWidth: Colon constantExpression;

enumSpecifier
    : Enum Identifier? LeftBrace enumerator (Comma enumerator)* Comma? RightBrace
    | Enum Identifier
    ;

enumerator: Identifier (Assign constantExpression)?;

initDeclaratorList: initDeclarator (Comma initDeclarator)*;

initDeclarator: declarator initTail;

initTail: (Assign initializer)?;

// 'char * POS p': between the '*' and the name only qualifiers and attributes can stand, so a
// name there that is followed by another is an attribute macro.
declarator: (pointer pointerAttribute*)? directDeclarator;

pointerAttribute: Identifier;

// A declarator that starts with a name (after stars): used after an unknown type name,
// where '(' would make it a macro call.
simpleDeclarator: pointer? Identifier declaratorSuffix*;

directDeclarator: (Identifier | LeftParen declarator RightParen) declaratorSuffix*;

declaratorSuffix
    : LeftBracket arraySize? RightBracket
    | LeftParen (parameterTypeList | identifierList)? RightParen
    ;

arraySize: Static? (assignmentExpression | Star);

pointer: Star+;

parameterTypeList: parameterDeclaration (Comma parameterDeclaration)* (Comma Ellipsis)?;

parameterDeclaration
    : declarationSpecifiers (declarator | abstractDeclarator)?
    | Identifier (declarator | pointer)
    ;

identifierList: Identifier (Comma Identifier)*;

typeName: specifierQualifierList abstractDeclarator?;

abstractDeclarator: pointer | pointer? directAbstractDeclarator;

directAbstractDeclarator
    : LeftParen abstractDeclarator RightParen abstractDeclaratorSuffix*
    | abstractDeclaratorSuffix+
    ;

// No identifier lists here: 'void (fn)(int)' as a parameter must name 'fn'.
abstractDeclaratorSuffix
    : LeftBracket arraySize? RightBracket
    | LeftParen parameterTypeList? RightParen
    ;

initializer
    : assignmentExpression
    | LeftBrace initializerList? RightBrace
    ;

initializerList: designatedInitializer (Comma designatedInitializer)* Comma?;

designatedInitializer: designation? initializer;

designation
    : designator+ Assign
    | Identifier Colon
    ;

designator
    : LeftBracket constantExpression (Ellipsis constantExpression)? RightBracket
    | Dot Identifier
    ;

// ---- statements ----

compoundStatement: LeftBrace blockItem* RightBrace;

blockItem
    : labelMarker
    | caseLabel
    | declaration
    | unknownTypeBlockDeclaration
    | blockMacroDeclaration
    | localLabelDeclaration
    | elseClause
    | statement
    ;

labelMarker: Identifier Colon;

caseLabel
    : Case constantExpression (Ellipsis constantExpression)? Colon
    | Default Colon
    ;

// 'foo_type x;' 'foo_type x = y;' inside a body.
unknownTypeBlockDeclaration: storageClassSpecifier* Identifier Identifier declaratorSuffix* initTail (Comma initDeclarator)* Semi;

// 'static DEFINE_SPINLOCK(lock);' inside a body.
// 'DECLARE_BITMAP(map, N) = { 0 };' too.
blockMacroDeclaration
    : storageClassSpecifier+ Identifier LeftParen argumentList RightParen (Assign initializer)? Semi
    | Identifier LeftParen argumentList RightParen Assign LeftBrace initializerList? RightBrace Semi
    ;

localLabelDeclaration: LocalLabel identifierList Semi;

// Attached by StatementTreeBuilder to the innermost open 'if' before it.
elseClause: Else labelMarker* statement;

statement
    : compoundStatement
    | expressionStatement
    | ifStatement
    | switchStatement
    | whileStatement
    | doStatement
    | forStatement
    | iteratorStatement
    | gotoStatement
    | continueStatement
    | breakStatement
    | returnStatement
    | asmStatement
    ;

expressionStatement: expression? Semi;

// The unbraced body may be labeled: 'if (x != y) out_unlock: release(x);' (6.1 fs/configfs/dir.c).
ifStatement: If LeftParen expression RightParen labelMarker* statement;

switchStatement: Switch LeftParen expression RightParen statement;

whileStatement: While LeftParen expression RightParen labelMarker* statement;

doStatement
    : Do statement While LeftParen expression RightParen Semi
    | Do statement Identifier LeftParen argumentList RightParen Semi   // 'do { ... } while_each_thread(g, t);'
    ;

forStatement: For LeftParen forInit expression? Semi expression? RightParen statement;

forInit: declaration | expression? Semi;

// 'list_for_each_entry(pos, head, member) body': a macro call followed by a statement
// that cannot continue an expression.
iteratorStatement: Identifier LeftParen argumentList RightParen iteratorBody;

iteratorBody: statementHead | identifierStatement;

// A statement that cannot be the start of an expression.
statementHead
    : compoundStatement
    | ifStatement
    | switchStatement
    | whileStatement
    | doStatement
    | forStatement
    | iteratorStatement
    | gotoStatement
    | continueStatement
    | breakStatement
    | returnStatement
    ;

// An expression statement that starts with a name: 'foo(x);' 'p->n = 1;' 'i++;'
identifierStatement: Identifier postfixSuffix* (assignmentOperator assignmentExpression)? Semi;

gotoStatement: Goto (Identifier | Star expression) Semi;
continueStatement: Continue Semi;
breakStatement: Break Semi;
returnStatement: Return expression? Semi;

asmStatement: Asm Goto? LeftParen balancedTokens RightParen Semi;

balancedTokens: (~(LeftParen | RightParen) | LeftParen balancedTokens RightParen)*;

// ---- expressions ----

expression: assignmentExpression (Comma assignmentExpression)*;

assignmentExpression: conditionalExpression (assignmentOperator assignmentExpression)?;

assignmentOperator
    : Assign | StarAssign | DivAssign | ModAssign | PlusAssign | MinusAssign
    | LeftShiftAssign | RightShiftAssign | AndAssign | XorAssign | OrAssign
    ;

conditionalExpression: logicalOrExpression (Question expression? Colon conditionalExpression)?;

constantExpression: conditionalExpression;

logicalOrExpression: logicalAndExpression (OrOr logicalAndExpression)*;
logicalAndExpression: inclusiveOrExpression (AndAnd inclusiveOrExpression)*;
inclusiveOrExpression: exclusiveOrExpression (Or exclusiveOrExpression)*;
exclusiveOrExpression: andExpression (Caret andExpression)*;
andExpression: equalityExpression (And equalityExpression)*;
equalityExpression: relationalExpression ((Equal | NotEqual) relationalExpression)*;
relationalExpression: shiftExpression ((Less | Greater | LessEqual | GreaterEqual) shiftExpression)*;
shiftExpression: additiveExpression ((LeftShift | RightShift) additiveExpression)*;
additiveExpression: multiplicativeExpression ((Plus | Minus) multiplicativeExpression)*;
multiplicativeExpression: castExpression ((Star | Div | Mod) castExpression)*;

castExpression
    : LeftParen typeName RightParen castExpression
    | LeftParen Identifier pointer RightParen castExpression
    | unaryExpression
    ;

unaryExpression
    : postfixExpression
    | (PlusPlus | MinusMinus) unaryExpression
    | unaryOperator castExpression
    | Sizeof unaryExpression
    | Sizeof LeftParen typeName RightParen
    | Sizeof LeftParen Identifier pointer RightParen   // 'sizeof(foo_type *)': 'a *' ends no expression
    | Alignof LeftParen typeName RightParen
    | Alignof LeftParen expression RightParen
    | AndAnd Identifier
    ;

unaryOperator: And | Star | Plus | Minus | Tilde | Not;

postfixExpression: primaryExpression postfixSuffix*;

postfixSuffix
    : LeftBracket expression RightBracket
    | LeftParen argumentList RightParen
    | (Dot | Arrow) Identifier
    | PlusPlus
    | MinusMinus
    ;

primaryExpression
    : Identifier
    | Constant
    | CharacterConstant
    | Identifier* StringLiteral (StringLiteral | Identifier)*   // KERN_ERR PFX "x" PTR_FMT "y"
    | LeftParen expression RightParen
    | LeftParen compoundStatement RightParen
    | LeftParen typeName RightParen LeftBrace initializerList? RightBrace
    | BuiltinOffsetof LeftParen typeName Comma offsetofMember RightParen
    | BuiltinTypesCompatible LeftParen typeName Comma typeName RightParen
    | BuiltinVaArg LeftParen assignmentExpression Comma typeName RightParen
    | Generic LeftParen balancedTokens RightParen
    ;

offsetofMember: Identifier (Dot Identifier | LeftBracket expression RightBracket)*;

// Arguments of calls and of macros: expressions, type names ('container_of(p, struct x, m)'),
// declarations, code (below), or nothing ('FOO(a, , b)').
argumentList: argument? (Comma argument?)*;

argument
    : assignmentExpression (Semi blockItem*)?   // with ';': code, 'DLM_ASSERT(c, dump(r););'
    | storageClassSpecifier* typeName
    | declarationSpecifiers declarator       // 'TP_PROTO(struct inode *inode)' 'D2(int i)'
    | Identifier pointer                     // 'SYSCALL_DEFINE1(f, fd_set *, p)': 'a *' ends no expression
    | storageClassSpecifier+
    | operatorArgument
    | codeArgument
    ;

// Statements a macro pastes into the body: 'D1(if (x) { ... })', 'D2({ ... })',
// 'D2(list_for_each_entry(p, h, m) { ... })', and, as the macro may supply the last ';',
// 'D1(if (x) f(y))' and 'D1(continue)'. None can start an expression; an argument that starts
// with an expression is code once a ';' follows it (above).
codeArgument
    : statementHead blockItem*
    | If LeftParen expression RightParen assignmentExpression
    | Continue
    | Break
    ;

// 'ASSERTCMP(x, ==, 0)', 'BOP(d, a, b, &~)': an operator passed to a macro. '&' and '~' are
// operators only when no operand follows them.
operatorArgument
    : Equal | NotEqual | Less | Greater | LessEqual | GreaterEqual | OrOr | Or | Caret | Div | Mod
    | And Tilde? | Tilde
    ;
