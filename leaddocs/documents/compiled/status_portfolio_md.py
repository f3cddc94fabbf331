from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'status-portfolio.md.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_pages = resolve('pages')
    l_0_missing = resolve('missing')
    try:
        t_1 = environment.filters['capitalize']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'capitalize' found.")
    try:
        t_2 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_3 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    try:
        t_4 = environment.filters['map']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'map' found.")
    try:
        t_5 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    try:
        t_6 = environment.filters['replace']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'replace' found.")
    try:
        t_7 = environment.filters['select']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'select' found.")
    try:
        t_8 = environment.filters['selectattr']
    except KeyError:
        @internalcode
        def t_8(*unused):
            raise TemplateRuntimeError("No filter named 'selectattr' found.")
    pass
    yield '# Portfolio status'
    if (undefined(name='pages') if l_0_pages is missing else l_0_pages):
        pass
        yield ': '
        yield str(environment.getattr(environment.getitem((undefined(name='pages') if l_0_pages is missing else l_0_pages), 0), 'since'))
        yield ' to '
        yield str(environment.getattr(environment.getitem((undefined(name='pages') if l_0_pages is missing else l_0_pages), 0), 'until'))
    yield '\n\n## Summary\n\n'
    if (undefined(name='pages') if l_0_pages is missing else l_0_pages):
        pass
        yield 'Overall: **'
        if t_3(context.eval_ctx, t_8(context, (undefined(name='pages') if l_0_pages is missing else l_0_pages), 'health.value', 'equalto', 'off track')):
            pass
            yield 'off track'
        elif t_3(context.eval_ctx, t_8(context, (undefined(name='pages') if l_0_pages is missing else l_0_pages), 'health.value', 'equalto', 'at risk')):
            pass
            yield 'at risk'
        else:
            pass
            yield 'on track'
        yield '** (the least healthy of '
        yield str(t_2((undefined(name='pages') if l_0_pages is missing else l_0_pages)))
        yield ' repositories).\n\n| repository | health | shipped | in flight | risks | blockers |\n|---|---|---|---|---|---|\n'
        for l_1_page in (undefined(name='pages') if l_0_pages is missing else l_0_pages):
            _loop_vars = {}
            pass
            yield '| '
            yield str(t_6(context.eval_ctx, t_5(environment.getattr(l_1_page, 'repository')), '|', '\\|'))
            yield ' | '
            yield str(environment.getattr(environment.getattr(l_1_page, 'health'), 'value'))
            yield ' ('
            yield str(('lead' if (environment.getattr(environment.getattr(l_1_page, 'health'), 'by') == 'notes') else 'rules'))
            yield ') | '
            yield str(t_2(environment.getattr(l_1_page, 'shipped')))
            yield ' | '
            yield str(t_2(environment.getattr(l_1_page, 'in_flight')))
            yield ' | '
            yield str(t_2(environment.getattr(l_1_page, 'only_risks')))
            yield ' | '
            yield str(t_2(environment.getattr(l_1_page, 'blockers')))
            yield ' |\n'
        l_1_page = missing
    else:
        pass
        yield 'No repository could be reported.\n'
    if (undefined(name='missing') if l_0_missing is missing else l_0_missing):
        pass
        yield '\nNot reported:\n\n'
        for l_1_reason in (undefined(name='missing') if l_0_missing is missing else l_0_missing):
            _loop_vars = {}
            pass
            yield '- '
            yield str(t_5(l_1_reason))
            yield '\n'
        l_1_reason = missing
    yield '\n### Highlights\n\n'
    for l_1_page in (undefined(name='pages') if l_0_pages is missing else l_0_pages):
        _loop_vars = {}
        pass
        for l_2_item in environment.getattr(l_1_page, 'highlights')[:3]:
            l_2_src = resolve('src')
            _loop_vars = {}
            pass
            yield '- **'
            yield str(t_5(environment.getattr(l_1_page, 'repository')))
            yield ':** '
            yield str(t_5(environment.getattr(l_2_item, 'title')))
            yield ' ('
            yield str(environment.call(context, (undefined(name='src') if l_2_src is missing else l_2_src), environment.getattr(l_2_item, 'source'), _loop_vars=_loop_vars))
            yield ')\n'
        l_2_item = l_2_src = missing
    l_1_page = missing
    if (not t_3(context.eval_ctx, t_7(context, t_4(context, (undefined(name='pages') if l_0_pages is missing else l_0_pages), attribute='highlights')))):
        pass
        yield 'Nothing to highlight.\n'
    yield '\n### Risks and blockers\n\n'
    for l_1_page in (undefined(name='pages') if l_0_pages is missing else l_0_pages):
        _loop_vars = {}
        pass
        for l_2_risk in environment.getattr(l_1_page, 'risks'):
            l_2_src = resolve('src')
            l_2_rule = resolve('rule')
            _loop_vars = {}
            pass
            yield '- **'
            yield str(t_5(environment.getattr(l_1_page, 'repository')))
            yield '**, '
            yield str(environment.getattr(l_2_risk, 'kind'))
            yield ': '
            yield str(t_5(environment.getattr(l_2_risk, 'text')))
            yield ' ('
            yield str(environment.call(context, (undefined(name='src') if l_2_src is missing else l_2_src), environment.getattr(l_2_risk, 'source'), _loop_vars=_loop_vars))
            if environment.getattr(l_2_risk, 'rule'):
                pass
                yield '; rule: '
                yield str(environment.call(context, (undefined(name='rule') if l_2_rule is missing else l_2_rule), environment.getattr(l_2_risk, 'rule'), _loop_vars=_loop_vars))
            yield ')\n'
        l_2_risk = l_2_src = l_2_rule = missing
    l_1_page = missing
    if (not t_3(context.eval_ctx, t_7(context, t_4(context, (undefined(name='pages') if l_0_pages is missing else l_0_pages), attribute='risks')))):
        pass
        yield 'None raised.\n'
    l_1_loop = missing
    for l_1_page, l_1_loop in LoopContext((undefined(name='pages') if l_0_pages is missing else l_0_pages), undefined):
        _loop_vars = {}
        pass
        yield '\n## '
        yield str(t_5(environment.getattr(l_1_page, 'repository')))
        yield '\n\n**'
        yield str(t_1(environment.getattr(environment.getattr(l_1_page, 'health'), 'value')))
        yield '**'
        if (environment.getattr(environment.getattr(l_1_page, 'health'), 'by') == 'notes'):
            pass
            yield ' (set by the lead)'
        else:
            pass
            yield ' (suggested by the rules)'
        if environment.getattr(environment.getattr(l_1_page, 'health'), 'why'):
            pass
            yield ': '
            yield str(t_5(environment.getattr(environment.getattr(environment.getattr(l_1_page, 'health'), 'why'), 'text')))
        yield '\n\n'
        l_2_loop = missing
        t_9 = 1
        for (l_2_area, l_2_items), l_2_loop in LoopContext(environment.call(context, environment.getattr(l_1_page, 'areas'), _loop_vars=_loop_vars), undefined):
            _loop_vars = {}
            pass
            yield '- '
            yield str(t_5(l_2_area))
            yield ': '
            l_3_loop = missing
            for l_3_item, l_3_loop in LoopContext(l_2_items[:5], undefined):
                l_3_src = resolve('src')
                _loop_vars = {}
                pass
                yield str(t_5(environment.getattr(l_3_item, 'title')))
                yield ' ('
                yield str(environment.call(context, (undefined(name='src') if l_3_src is missing else l_3_src), environment.getattr(l_3_item, 'source'), _loop_vars=_loop_vars))
                yield ')'
                if (not environment.getattr(l_3_loop, 'last')):
                    pass
                    yield '; '
            l_3_loop = l_3_item = l_3_src = missing
            if (t_2(l_2_items) > 5):
                pass
                yield '; and '
                yield str((t_2(l_2_items) - 5))
                yield ' more'
            yield '\n'
            t_9 = 0
        l_2_loop = l_2_area = l_2_items = missing
        if t_9:
            pass
            yield '- No change merged in the period.\n'
        for l_2_work in environment.getattr(l_1_page, 'in_flight')[:5]:
            l_2_src = resolve('src')
            _loop_vars = {}
            pass
            yield '- In flight: '
            yield str(t_5(environment.getattr(l_2_work, 'title')))
            yield ' ('
            yield str(environment.call(context, (undefined(name='src') if l_2_src is missing else l_2_src), environment.getattr(l_2_work, 'source'), _loop_vars=_loop_vars))
            yield ')\n'
        l_2_work = l_2_src = missing
        for l_2_line in environment.getattr(l_1_page, 'next'):
            _loop_vars = {}
            pass
            yield '- Next: '
            yield str(t_5(environment.getattr(l_2_line, 'text')))
            yield '\n'
        l_2_line = missing
        for l_2_metric in environment.getattr(l_1_page, 'metrics'):
            l_2_number = resolve('number')
            _loop_vars = {}
            pass
            yield '- '
            yield str(environment.getattr(l_2_metric, 'name'))
            yield ': '
            yield str(environment.call(context, (undefined(name='number') if l_2_number is missing else l_2_number), environment.getattr(l_2_metric, 'current'), environment.getattr(l_2_metric, 'unit'), _loop_vars=_loop_vars))
            yield ' (previous period: '
            yield str(environment.call(context, (undefined(name='number') if l_2_number is missing else l_2_number), environment.getattr(l_2_metric, 'previous'), environment.getattr(l_2_metric, 'unit'), _loop_vars=_loop_vars))
            yield ')\n'
        l_2_metric = l_2_number = missing
    l_1_loop = l_1_page = missing

blocks = {}
debug_info = '4=62&9=69&10=72&14=84&15=88&20=106&24=109&25=113&31=117&32=120&33=125&36=133&42=137&43=140&44=146&47=160&50=164&52=168&54=170&57=185&58=189&63=215&64=220&66=225&67=229&69=232&70=237'
# Compiled by Jinja from leaddocs/documents/templates/status-portfolio.md.j2.
