from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'status.md.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_page = resolve('page')
    l_0_src = resolve('src')
    try:
        t_1 = environment.filters['capitalize']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'capitalize' found.")
    try:
        t_2 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_3 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    try:
        t_4 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield '# Status of '
    yield str(t_3(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'repository')))
    yield ': '
    yield str(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'since'))
    yield ' to '
    yield str(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'until'))
    yield '\n\n## Health\n\n**'
    yield str(t_1(environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'health'), 'value')))
    yield '**'
    if (environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'health'), 'by') == 'notes'):
        pass
        yield ', as the lead set it'
        if environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'health'), 'why'):
            pass
            yield ': '
            yield str(t_3(environment.getattr(environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'health'), 'why'), 'text')))
            yield ' ('
            yield str(environment.call(context, (undefined(name='src') if l_0_src is missing else l_0_src), environment.getattr(environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'health'), 'why'), 'source')))
            yield ')'
        else:
            pass
            yield '.'
        yield '\n'
    elif environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'health'), 'unread'):
        pass
        yield ' — suggested by the rules, as the notes\' health line could not be read: "'
        yield str(t_3(environment.getattr(environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'health'), 'unread'), 'text')))
        yield '" ('
        yield str(environment.call(context, (undefined(name='src') if l_0_src is missing else l_0_src), environment.getattr(environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'health'), 'unread'), 'source')))
        yield ') does not start with on track, at risk or off track; what decided it: '
        yield str(t_3(t_2(context.eval_ctx, environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'health'), 'reasons'), '; ')))
        yield '.\n\n'
    else:
        pass
        yield ' — suggested by the rules, as the notes set no health: '
        yield str(t_3(t_2(context.eval_ctx, environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'health'), 'reasons'), '; ')))
        yield '.\n'
    if (environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'narrative') and environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'narrative'), 'lines')):
        pass
        yield '\n## Summary for '
        yield str(environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'narrative'), 'audience'))
        yield '\n\n'
        l_1_loop = missing
        for l_1_line, l_1_loop in LoopContext(environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'narrative'), 'lines'), undefined):
            _loop_vars = {}
            pass
            yield '- '
            yield str(t_3(environment.getattr(l_1_line, 'text')))
            if environment.getattr(l_1_line, 'sources'):
                pass
                yield ' ('
                l_2_loop = missing
                for l_2_source, l_2_loop in LoopContext(environment.getattr(l_1_line, 'sources'), undefined):
                    _loop_vars = {}
                    pass
                    yield str(environment.call(context, (undefined(name='src') if l_0_src is missing else l_0_src), l_2_source, _loop_vars=_loop_vars))
                    if (not environment.getattr(l_2_loop, 'last')):
                        pass
                        yield ', '
                l_2_loop = l_2_source = missing
                yield ')'
            if (not environment.getattr(l_1_line, 'from_model')):
                pass
                yield ' *(from the history: the model left it out)*'
            yield '\n'
        l_1_loop = l_1_line = missing
    yield '\n## Highlights\n\n'
    t_5 = 1
    for l_1_item in environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'highlights'):
        _loop_vars = {}
        pass
        yield '- '
        if environment.getattr(l_1_item, 'breaking'):
            pass
            yield '**Breaking:** '
        yield str(t_3(environment.getattr(l_1_item, 'title')))
        yield ' ('
        yield str(environment.call(context, (undefined(name='src') if l_0_src is missing else l_0_src), environment.getattr(l_1_item, 'source'), _loop_vars=_loop_vars))
        yield ')\n'
        t_5 = 0
    l_1_item = missing
    if t_5:
        pass
        if environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'shipped'):
            pass
            yield 'No features or fixes in this period.\n'
        else:
            pass
            yield 'Nothing shipped in this period.\n'
    yield '\n## Shipped\n\n'
    t_6 = 1
    for (l_1_area, l_1_items) in environment.call(context, environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'areas')):
        _loop_vars = {}
        pass
        yield '### '
        yield str(t_3(l_1_area))
        yield '\n\n'
        for l_2_item in l_1_items:
            _loop_vars = {}
            pass
            yield '- '
            yield str(t_3(environment.getattr(l_2_item, 'title')))
            yield ' ('
            yield str(environment.call(context, (undefined(name='src') if l_0_src is missing else l_0_src), environment.getattr(l_2_item, 'source'), _loop_vars=_loop_vars))
            yield ')\n'
        l_2_item = missing
        yield '\n'
        t_6 = 0
    l_1_area = l_1_items = missing
    if t_6:
        pass
        yield 'No change was merged between '
        yield str(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'since'))
        yield ' and '
        yield str(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'until'))
        yield '.\n'
    yield '\n## In flight\n\n'
    if (environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'in_flight_from') == 'forge'):
        pass
        yield 'Open pull requests:\n'
    else:
        pass
        yield 'Branches not merged yet, with commits in the last days (no forge token, so no pull requests):\n'
    yield '\n'
    t_7 = 1
    for l_1_work in environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'in_flight'):
        _loop_vars = {}
        pass
        yield '- '
        yield str(t_3(environment.getattr(l_1_work, 'title')))
        yield ' ('
        yield str(environment.call(context, (undefined(name='src') if l_0_src is missing else l_0_src), environment.getattr(l_1_work, 'source'), _loop_vars=_loop_vars))
        if environment.getattr(l_1_work, 'author'):
            pass
            yield ', '
            yield str(t_3(environment.getattr(l_1_work, 'author')))
        yield '): '
        if (environment.getattr(l_1_work, 'kind') == 'pull request'):
            pass
            yield 'open '
            yield str(environment.getattr(l_1_work, 'age_days'))
            yield ' day'
            yield str(('s' if (environment.getattr(l_1_work, 'age_days') != 1) else cond_expr_undefined("the inline if-expression on line 58 in 'status.md.j2' evaluated to false and no else section was defined.")))
            yield ', '
            yield str(environment.getattr(l_1_work, 'review'))
            if (not t_4(environment.getattr(l_1_work, 'review_wait_days'))):
                pass
                yield ' for '
                if (environment.getattr(l_1_work, 'review_wait_days') == 0):
                    pass
                    yield 'less than a day'
                else:
                    pass
                    yield str(environment.getattr(l_1_work, 'review_wait_days'))
                    yield ' day'
                    yield str(('s' if (environment.getattr(l_1_work, 'review_wait_days') != 1) else cond_expr_undefined("the inline if-expression on line 58 in 'status.md.j2' evaluated to false and no else section was defined.")))
        else:
            pass
            yield str(environment.getattr(l_1_work, 'commits'))
            yield ' commit'
            yield str(('s' if (environment.getattr(l_1_work, 'commits') != 1) else cond_expr_undefined("the inline if-expression on line 58 in 'status.md.j2' evaluated to false and no else section was defined.")))
            yield ', the last '
            if (environment.getattr(l_1_work, 'idle_days') == 0):
                pass
                yield "on the period's last day"
            else:
                pass
                yield str(environment.getattr(l_1_work, 'idle_days'))
                yield ' day'
                yield str(('s' if (environment.getattr(l_1_work, 'idle_days') != 1) else cond_expr_undefined("the inline if-expression on line 58 in 'status.md.j2' evaluated to false and no else section was defined.")))
                yield ' before its end'
        if environment.getattr(l_1_work, 'labels'):
            pass
            yield '; labels: '
            yield str(t_3(t_2(context.eval_ctx, environment.getattr(l_1_work, 'labels'), ', ')))
        yield '\n'
        t_7 = 0
    l_1_work = missing
    if t_7:
        pass
        yield 'Nothing in flight.\n'
    yield '\n## Risks and blockers\n\n'
    for l_1_risk in environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'blockers'):
        l_1_rule = resolve('rule')
        _loop_vars = {}
        pass
        yield '- **Blocker:** '
        yield str(t_3(environment.getattr(l_1_risk, 'text')))
        yield ' ('
        yield str(environment.call(context, (undefined(name='src') if l_0_src is missing else l_0_src), environment.getattr(l_1_risk, 'source'), _loop_vars=_loop_vars))
        if environment.getattr(l_1_risk, 'rule'):
            pass
            yield '; rule: '
            yield str(environment.call(context, (undefined(name='rule') if l_1_rule is missing else l_1_rule), environment.getattr(l_1_risk, 'rule'), _loop_vars=_loop_vars))
        yield ')\n'
    l_1_risk = l_1_rule = missing
    for l_1_risk in environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'only_risks'):
        l_1_rule = resolve('rule')
        _loop_vars = {}
        pass
        yield '- **Risk:** '
        yield str(t_3(environment.getattr(l_1_risk, 'text')))
        yield ' ('
        yield str(environment.call(context, (undefined(name='src') if l_0_src is missing else l_0_src), environment.getattr(l_1_risk, 'source'), _loop_vars=_loop_vars))
        if environment.getattr(l_1_risk, 'rule'):
            pass
            yield '; rule: '
            yield str(environment.call(context, (undefined(name='rule') if l_1_rule is missing else l_1_rule), environment.getattr(l_1_risk, 'rule'), _loop_vars=_loop_vars))
        yield ')\n'
    l_1_risk = l_1_rule = missing
    if (not environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'risks')):
        pass
        yield 'None raised by the notes or the rules.\n'
    yield '\n## Decisions\n\n'
    t_8 = 1
    for l_1_adr in environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'decisions'):
        _loop_vars = {}
        pass
        yield '- '
        yield str(environment.call(context, (undefined(name='src') if l_0_src is missing else l_0_src), environment.getattr(l_1_adr, 'source'), _loop_vars=_loop_vars))
        yield ' '
        yield str(t_3(environment.getattr(l_1_adr, 'title')))
        yield ': '
        yield str(t_3(environment.getattr(l_1_adr, 'status')))
        yield ' ('
        yield str(environment.getattr(l_1_adr, 'change'))
        yield ' in this period)\n'
        t_8 = 0
    l_1_adr = missing
    if t_8:
        pass
        yield 'No decision record was created or changed in this period.\n'
    yield '\n## Next\n\n'
    t_9 = 1
    for l_1_line in environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'next'):
        _loop_vars = {}
        pass
        yield '- '
        yield str(t_3(environment.getattr(l_1_line, 'text')))
        yield ' ('
        yield str(environment.call(context, (undefined(name='src') if l_0_src is missing else l_0_src), environment.getattr(l_1_line, 'source'), _loop_vars=_loop_vars))
        yield ')\n'
        t_9 = 0
    l_1_line = missing
    if t_9:
        pass
        yield 'The notes name no next steps.\n'
    if environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'notes'):
        pass
        yield '\n## Notes\n\n'
        for l_1_line in environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'notes'):
            _loop_vars = {}
            pass
            yield '> '
            yield str(t_3(environment.getattr(l_1_line, 'text')))
            yield ' ('
            yield str(environment.call(context, (undefined(name='src') if l_0_src is missing else l_0_src), environment.getattr(l_1_line, 'source'), _loop_vars=_loop_vars))
            yield ')\n>\n'
        l_1_line = missing
    yield '\n## Metrics\n\n| metric | this period | previous period |\n|---|---|---|\n'
    for l_1_metric in environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'metrics'):
        l_1_number = resolve('number')
        _loop_vars = {}
        pass
        yield '| '
        yield str(environment.getattr(l_1_metric, 'name'))
        yield ' | '
        yield str(environment.call(context, (undefined(name='number') if l_1_number is missing else l_1_number), environment.getattr(l_1_metric, 'current'), environment.getattr(l_1_metric, 'unit'), _loop_vars=_loop_vars))
        yield ' | '
        yield str(environment.call(context, (undefined(name='number') if l_1_number is missing else l_1_number), environment.getattr(l_1_metric, 'previous'), environment.getattr(l_1_metric, 'unit'), _loop_vars=_loop_vars))
        yield ' |\n'
    l_1_metric = l_1_number = missing
    yield '\n## Since last update\n\n'
    if environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'since_last'):
        pass
        yield 'Against the page of '
        yield str(t_3(environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'since_last'), 'previous')))
        if (environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'since_last'), 'previous_health') and (environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'since_last'), 'previous_health') != environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'health'), 'value'))):
            pass
            yield ' (health then: '
            yield str(t_3(environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'since_last'), 'previous_health')))
            yield ')'
        yield ':\n\n'
        for l_1_risk in environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'since_last'), 'new'):
            _loop_vars = {}
            pass
            yield '- New '
            yield str(environment.getattr(l_1_risk, 'kind'))
            yield ': '
            yield str(t_3(environment.getattr(l_1_risk, 'text')))
            yield ' ('
            yield str(environment.call(context, (undefined(name='src') if l_0_src is missing else l_0_src), environment.getattr(l_1_risk, 'source'), _loop_vars=_loop_vars))
            yield ')\n'
        l_1_risk = missing
        for l_1_risk in environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'since_last'), 'resolved'):
            _loop_vars = {}
            pass
            yield '- '
            yield str(('Cleared' if (environment.getattr(l_1_risk, 'kind') == 'blocker') else 'Resolved'))
            yield ' '
            yield str(environment.getattr(l_1_risk, 'kind'))
            yield ': '
            yield str(t_3(environment.getattr(l_1_risk, 'text')))
            yield '\n'
        l_1_risk = missing
        for l_1_risk in environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'since_last'), 'outside'):
            _loop_vars = {}
            pass
            yield '- No longer in this period ('
            yield str(environment.getattr(l_1_risk, 'kind'))
            yield '): '
            yield str(t_3(environment.getattr(l_1_risk, 'text')))
            yield '\n'
        l_1_risk = missing
        if (((not environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'since_last'), 'new')) and (not environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'since_last'), 'resolved'))) and (not environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'since_last'), 'outside'))):
            pass
            yield '- No risk or blocker came or went.\n'
        if environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'since_last'), 'not_compared'):
            pass
            yield "- Not compared, as this run did not read them: the previous page's risks from "
            yield str(t_3(t_2(context.eval_ctx, environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'since_last'), 'not_compared'), ', ')))
            if ('notes' in environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'since_last'), 'not_compared')):
                pass
                yield " (give --notes to compare the lead's)"
            yield '.\n'
    else:
        pass
        yield 'This is the first status page.\n'

blocks = {}
debug_info = '3=38&7=44&8=46&10=60&12=72&14=74&16=77&18=80&19=84&26=105&27=109&29=120&38=128&39=132&41=134&42=138&46=149&51=154&57=162&58=166&66=219&67=224&69=233&70=238&72=247&78=252&79=256&86=271&87=275&91=284&95=287&96=291&105=297&106=302&111=310&112=313&114=320&115=324&117=331&118=335&120=342&121=346&123=351&126=354&127=357'
# Compiled by Jinja from leaddocs/documents/templates/status.md.j2.
