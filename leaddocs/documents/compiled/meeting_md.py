from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'meeting.md.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_m = resolve('m')
    l_0_source_kind = resolve('source_kind')
    l_0_page = resolve('page')
    l_0_date_note = resolve('date_note')
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['map']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'map' found.")
    try:
        t_3 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    pass
    yield '# '
    yield str(t_3(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'title')))
    yield '\n\n**Date:** '
    yield str(environment.call(context, environment.getattr(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'date'), 'isoformat')))
    yield ' · **Source:** '
    yield str(t_3(environment.getattr(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'source'), 'name')))
    yield ' ('
    yield str((undefined(name='source_kind') if l_0_source_kind is missing else l_0_source_kind))
    yield ')\n\n## Attendees\n\n'
    if environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'attendees'):
        pass
        yield str(t_1(context.eval_ctx, t_2(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'attendees'), 'md'), ', '))
        yield ' *(from '
        yield str(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'attendees_from'))
        yield ')*\n'
    else:
        pass
        yield 'None named in the source.\n'
    yield '\n## Summary\n\n'
    t_4 = 1
    for l_1_line in environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'summary'):
        l_1_cite = resolve('cite')
        _loop_vars = {}
        pass
        yield '- '
        yield str(t_3(environment.getattr(l_1_line, 'text')))
        yield ' ('
        yield str(environment.call(context, (undefined(name='cite') if l_1_cite is missing else l_1_cite), environment.getattr(l_1_line, 'lines'), _loop_vars=_loop_vars))
        yield ')\n'
        t_4 = 0
    l_1_line = l_1_cite = missing
    if t_4:
        l_1_counts = resolve('counts')
        pass
        yield str(environment.call(context, (undefined(name='counts') if l_1_counts is missing else l_1_counts), (undefined(name='page') if l_0_page is missing else l_0_page)))
        yield '\n'
        l_1_counts = missing
    yield '\n## Decisions\n\n'
    t_5 = 1
    for l_1_view in environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'decisions'):
        l_1_cite = resolve('cite')
        _loop_vars = {}
        pass
        yield '- '
        yield str(t_3(environment.getattr(environment.getattr(l_1_view, 'said'), 'text')))
        yield ' ('
        yield str(environment.call(context, (undefined(name='cite') if l_1_cite is missing else l_1_cite), environment.getattr(environment.getattr(l_1_view, 'said'), 'lines'), _loop_vars=_loop_vars))
        yield ')'
        if environment.getattr(l_1_view, 'adr'):
            pass
            yield ' — ADR draft: ['
            yield str(t_3(environment.getattr(environment.getattr(l_1_view, 'adr'), 'label')))
            yield ']('
            yield str(environment.getattr(environment.getattr(l_1_view, 'adr'), 'href'))
            yield ')'
        yield '\n'
        t_5 = 0
    l_1_view = l_1_cite = missing
    if t_5:
        pass
        yield 'None recorded.\n'
    yield '\n## Action items\n\n'
    t_6 = 1
    for l_1_view in environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'actions'):
        l_1_cite = resolve('cite')
        _loop_vars = {}
        pass
        if environment.getattr(environment.getattr(l_1_view, 'action'), 'done'):
            pass
            yield '- [x] '
            yield str(t_3(environment.getattr(environment.getattr(l_1_view, 'said'), 'text')))
            yield ' — ✓ done'
            if environment.getattr(environment.getattr(l_1_view, 'action'), 'owner'):
                pass
                yield ' · owner: '
                yield str(t_3(environment.getattr(environment.getattr(l_1_view, 'action'), 'owner')))
            if environment.getattr(environment.getattr(l_1_view, 'action'), 'due'):
                pass
                yield ' · due: '
                yield str(t_3(environment.call(context, environment.getattr(environment.getattr(environment.getattr(l_1_view, 'action'), 'due'), 'shown'), _loop_vars=_loop_vars)))
            yield ' ('
            yield str(environment.call(context, (undefined(name='cite') if l_1_cite is missing else l_1_cite), environment.getattr(environment.getattr(l_1_view, 'said'), 'lines'), _loop_vars=_loop_vars))
            yield ')\n'
        else:
            pass
            yield '- [ ] '
            yield str(t_3(environment.getattr(environment.getattr(l_1_view, 'said'), 'text')))
            yield ' — '
            if environment.getattr(environment.getattr(l_1_view, 'action'), 'owner'):
                pass
                yield 'owner: '
                yield str(t_3(environment.getattr(environment.getattr(l_1_view, 'action'), 'owner')))
            else:
                pass
                yield '⚠️ **no owner**'
            yield ' · '
            if (not environment.getattr(environment.getattr(l_1_view, 'action'), 'due')):
                pass
                yield '⚠️ **no due date**'
            elif environment.getattr(environment.getattr(environment.getattr(l_1_view, 'action'), 'due'), 'certain'):
                pass
                yield 'due: '
                yield str(t_3(environment.call(context, environment.getattr(environment.getattr(environment.getattr(l_1_view, 'action'), 'due'), 'shown'), _loop_vars=_loop_vars)))
            else:
                pass
                yield '⚠️ **due date unclear**: '
                yield str(t_3(environment.call(context, environment.getattr(environment.getattr(environment.getattr(l_1_view, 'action'), 'due'), 'shown'), _loop_vars=_loop_vars)))
            yield ' ('
            yield str(environment.call(context, (undefined(name='cite') if l_1_cite is missing else l_1_cite), environment.getattr(environment.getattr(l_1_view, 'said'), 'lines'), _loop_vars=_loop_vars))
            yield ')\n'
        t_6 = 0
    l_1_view = l_1_cite = missing
    if t_6:
        pass
        yield 'None recorded.\n'
    yield '\n## Open questions\n\n'
    t_7 = 1
    for l_1_item in environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'questions'):
        l_1_cite = resolve('cite')
        _loop_vars = {}
        pass
        yield '- '
        yield str(t_3(environment.call(context, environment.getattr(l_1_item, 'shown'), _loop_vars=_loop_vars)))
        yield ' ('
        yield str(environment.call(context, (undefined(name='cite') if l_1_cite is missing else l_1_cite), environment.getattr(environment.getattr(l_1_item, 'entry'), 'lines'), _loop_vars=_loop_vars))
        yield ')\n'
        t_7 = 0
    l_1_item = l_1_cite = missing
    if t_7:
        pass
        yield 'None recorded.\n'
    yield '\n## Not classified\n\n'
    t_8 = 1
    for l_1_item in environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'unclassified'):
        l_1_cite = resolve('cite')
        _loop_vars = {}
        pass
        yield '- '
        yield str(t_3(environment.call(context, environment.getattr(l_1_item, 'shown'), _loop_vars=_loop_vars)))
        yield ' ('
        yield str(environment.call(context, (undefined(name='cite') if l_1_cite is missing else l_1_cite), environment.getattr(environment.getattr(l_1_item, 'entry'), 'lines'), _loop_vars=_loop_vars))
        yield ')\n'
        t_8 = 0
    l_1_item = l_1_cite = missing
    if t_8:
        pass
        yield 'Every line was classified.\n'
    yield '\n---\n\n*Drafted by leaddocs from '
    yield str(t_3(environment.getattr(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'source'), 'name')))
    yield '; "line N" is the line of that file. The date is '
    yield str((undefined(name='date_note') if l_0_date_note is missing else l_0_date_note))
    yield '.'
    if environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'model'):
        pass
        yield ' The summary'
        if environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'phrased'):
            pass
            yield ' and the wording of decisions and action items'
        yield ' came from the model '
        yield str(t_3(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'model')))
        yield ', each statement checked against the lines it cites.'
    yield ' Owners and due dates are only those the source states; check every item, then tick off what is done.*\n'

blocks = {}
debug_info = '5=34&7=36&11=42&12=44&19=53&20=58&22=67&27=72&28=77&36=96&37=100&38=103&40=119&48=150&49=155&56=166&57=171&64=181'
# Compiled by Jinja from leaddocs/documents/templates/meeting.md.j2.
