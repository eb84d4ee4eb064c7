#!/usr/bin/env python3
"""Record tests/fixtures/shorthand_cases.json from awscli's real parser.

Usage (needs awscli installed for this python3):

    python3 scripts/record-shorthand-cases.py

Every input below is run through awscli.shorthand.ShorthandParser, from the
repository root so that the relative file:// paths resolve, and the result
(or error text) is written to the fixture. tests/shorthand.rs then checks that
our parser gives the same answer for each case. See shorthand_oracle.py for
how error text is recorded.
"""

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

from shorthand_oracle import outcome  # noqa: E402

F = 'tests/fixtures/shorthand'

CASES = [
    # --- Simple pairs and keys -------------------------------------------
    'a=b',
    'ServerNameToVerify=example.com',
    'a=b,c=d',
    'A=1,B=true,C=3.5',
    'append:header.x=$request.header.y,overwrite:path=$request.path',
    'overwrite:statuscode=204',
    'a-b_c.d#e/f:g=1',
    '123=abc',
    '=b',
    '=',
    'a=b,=c',
    'k$=v',
    'k!=v',
    'über=1',
    '[a]=b',
    '{a=b}',
    # --- Bare values with unusual characters -------------------------------
    'a=$request.header.y',
    'a=https://example.com/p?x=1&y=2;z',
    'a=b=c',
    'a=b@c',
    'a=#frag',
    'a=!~^|`%*+<>?',
    'a=x]',
    'a=]',
    'a=}',
    'a=x}',
    'a=[',
    'a={',
    'a=b[c]',
    'a=b{c}',
    'a=C:\\path\\file',
    'a=\\',
    'a=b\\',
    'a=\\n',
    'a=b;c=d',
    "a=b'c'",
    'a=b"c"',
    # --- Implicit lists -------------------------------------------------
    'Audience=a,b,Issuer=https://x',
    'a=b,c',
    'a=b,c,d',
    'a=b,c,d=e,f',
    'a=b,c=d,e',
    'a=1,2,3,b=[4,5]',
    'a=,b',
    'a=b,c,d=',
    'a=b,c=',
    'a=b,',
    'a=b, ',
    'a=b,,c=d',
    'a=b ,c',
    'a=b, c ,d',
    'a=b,c d',
    'a=b,c\\,d',
    "a=b,'c,d'",
    'a=b,"c"',
    "a=b,'c",
    'a=b,c]',
    'a=b,c}',
    'a=b,[c]',
    'a=b,{c}',
    'a=b,c[d]=e',
    # --- Explicit lists -------------------------------------------------
    'Audience=[a,b]',
    'a=[]',
    'a=[ ]',
    'a=[a]',
    'a=[a,]',
    'a=[,]',
    'a=[,a]',
    'a=[a,,b]',
    'a=[a b, c ]',
    'a=[[a,b],[c]]',
    'a=[[]]',
    'a=[{b=c},{d=e}]',
    "a=['x,y',\"z\"]",
    'a=[a=b]',
    'a=[a\\,b]',
    'a=[a',
    'a=[a,',
    'a=[a b',
    'a=[a]b',
    'a=[]]',
    'a=[a],b=c',
    'a=[a] ',
    'a=[a] ,b=c',
    'a = [ a , b ]',
    'a=[a],b',
    'a=[}]',
    # --- Hash literals --------------------------------------------------
    '200={overwrite:statuscode=204,append:header.a=b},404={remove:header.x=""}',
    'a={}',
    'a={ }',
    'a={b=c}',
    'a={b=c,}',
    'a={b=c,d=[e,f]}',
    'a={b={c={d=e}}}',
    'a={b=c,b=d}',
    'a={b=}',
    'a={b=""}',
    "a={b=''}",
    'a={=c}',
    'a={b}',
    'a={b=c',
    'a={b=c d}',
    'a={ b = c , d = e }',
    'a={b=c}d',
    'a={b=c},a=d',
    'a={b@=c}',
    'a={b=c,,d=e}',
    'a={b=[c,d],e={f=g}}',
    'a={b=c}}',
    'a={b==c}',
    'a={b=[}',
    'a={b=c,d}',
    'a={b=c\\,d}',
    'a={b=c=d}',
    # --- Quoting --------------------------------------------------------
    "a='b'",
    'a="b"',
    "a='b,c=d'",
    'a="b,c=d"',
    "a='it\\'s'",
    'a="say \\"hi\\""',
    "a='back\\\\slash'",
    "a='x\\'",
    "a='x\\'y",
    "a='\\'",
    'a="x\\"',
    "a='\\\\\\''",
    "a='\\x'",
    "a='\\,'",
    "a='a\"b'",
    'a="a\'b"',
    "a='unterminated",
    'a="unterminated',
    "a='b'c",
    "a='b' ,c=d",
    "a='b',c",
    'a=""',
    "a=''",
    "a=' spaced '",
    "a='new\nline'",
    "'a'=b",
    'a=["x\\"]"]',
    "a='one\\'two\\'",
    "a='x\\'y\\'z'w",
    # --- Backslash-comma ------------------------------------------------
    'a=b\\,c',
    'a=\\,b',
    'a=\\,',
    'a=b\\,c,d',
    'a=b\\\\,c',
    'a=[b\\,c]',
    # --- Whitespace -----------------------------------------------------
    'a = b',
    'a =b',
    'a= b',
    ' a=b',
    'a=b ',
    'a=b\t',
    'a=b\n',
    'a=b\n,c=d',
    'a=b,\nc=d',
    'a\t=\tb',
    'a@ = b',
    'a\n=\nb',
    'a=b  c',
    'a=b\u00a0',
    'a=\u00a0b',
    'a=b\u3000',
    'a=b\u2028c',
    'a=b\x1c',
    'a=\x1cb',
    'a=b\x1cc',
    'a=b\x00',
    'a=b\x7f',
    'a=\r\nb',
    'a=b\x0b,c=d\x0c',
    # --- Unicode --------------------------------------------------------
    'a=é',
    'a=日本語',
    'a=ü,b=ß',
    'a=Ω,Ω',
    'a=😀',
    "a='😀'",
    'a=b😀',
    'a=[😀]',
    'é=a',
    'a=\ufffd\uffff',
    # --- Other syntax errors --------------------------------------------
    '',
    'a',
    'foo',
    ',',
    'a=b,,',
    'a==b',
    'a=b c,=',
    '@=x',
    'a@b=c',
    'a@',
    'a@=',
    'a@= ',
    'a:b',
    'a=b,c=d,a=e',
    'a=b,c,a=d',
    'a=x,a=y',
    # --- Multi-line error layout ----------------------------------------
    'a=b,\nc',
    'a=b,\nc=[d',
    'x\ny="z\nw',
    'a=b\nc=d',
    'a=[\nb\n',
    'a=b,\n\nc,\nd=',
    'k=1,\nk=2',
    'a={\nb=c\nd=e}',
    # --- Deep nesting ---------------------------------------------------
    'a=' + '[' * 40 + 'x' + ']' * 40,
    'a=' + '{b=' * 40 + 'x' + '}' * 40,
    # --- @= file loading (paths relative to the repository root) -------
    f'a@=file://{F}/hello.txt',
    f'a=file://{F}/hello.txt',
    f'a @= file://{F}/hello.txt',
    f'a@=fileb://{F}/hello.txt',
    f'a@=file://{F}/crlf.txt',
    f'a@=fileb://{F}/crlf.txt',
    f'a@=file://{F}/unicode.txt',
    f'a@=file://{F}/empty.txt',
    f'a@=file://{F}/missing.txt',
    f'a@=fileb://{F}/missing.txt',
    f'a@=file://{F}',
    f'a@=file://{F}/latin1.txt',
    f"a@='file://{F}/hello.txt'",
    f'a@="file://{F}/hello.txt"',
    f'a@=[file://{F}/hello.txt,x]',
    f'a@=file://{F}/hello.txt,file://{F}/unicode.txt',
    f'a@=x,file://{F}/hello.txt',
    f'a@={{b=file://{F}/hello.txt}}',
    f'a={{b@=file://{F}/hello.txt}}',
    f'a@=[{{b=c}},file://{F}/hello.txt]',
    f'a=[{{b@=c}},file://{F}/hello.txt]',
    f'a@=file://{F}/hello.txt,b=file://{F}/hello.txt',
    f'a@=b,file://{F}/missing.txt=c',
    'a@=plain',
    'a@=file:/x',
    'a@=FILE://x',
    'a@=file://',
    'a@=file://${APIGW_SHORTHAND_UNSET_VAR}/x',
    "a@='file://${APIGW_SHORTHAND_UNSET_VAR}/x'",
    f"a@='file://{F}/$APIGW_SHORTHAND_UNSET_VAR'",
]


def main():
    os.chdir(ROOT)
    if len(set(CASES)) != len(CASES):
        dupes = sorted({c for c in CASES if CASES.count(c) > 1})
        sys.exit(f'duplicate cases: {dupes!r}')
    cases = [outcome(text) for text in CASES]
    crashes = [c for c in cases if 'crash' in c]
    if crashes:
        sys.exit(f'awscli crashed on (drop these cases): {crashes!r}')
    path = os.path.join(ROOT, 'tests', 'fixtures', 'shorthand_cases.json')
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(cases, f, ensure_ascii=False, indent=1)
        f.write('\n')
    print(f'wrote {len(cases)} cases to {os.path.relpath(path)}')


if __name__ == '__main__':
    main()
