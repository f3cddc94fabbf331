from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'release.md.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_level = resolve('level')
    l_0_heading = resolve('heading')
    l_0_release = resolve('release')
    l_0_h = missing
    try:
        t_1 = environment.filters['html']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'html' found.")
    try:
        t_2 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_3 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
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
        t_6 = environment.tests['defined']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No test named 'defined' found.")
    pass
    l_0_h = environment.call_binop(context, '*', '#', (undefined(name='level') if l_0_level is missing else l_0_level))
    context.vars['h'] = l_0_h
    context.exported_vars.add('h')
    if (t_6((undefined(name='heading') if l_0_heading is missing else l_0_heading)) and (undefined(name='heading') if l_0_heading is missing else l_0_heading)):
        pass
        yield str((undefined(name='h') if l_0_h is missing else l_0_h))
        yield ' '
        yield str((undefined(name='heading') if l_0_heading is missing else l_0_heading))
        yield '\n'
    elif (environment.getattr((undefined(name='release') if l_0_release is missing else l_0_release), 'compare_url') and environment.getattr((undefined(name='release') if l_0_release is missing else l_0_release), 'version')):
        pass
        yield str((undefined(name='h') if l_0_h is missing else l_0_h))
        yield ' ['
        yield str(t_5(environment.getattr((undefined(name='release') if l_0_release is missing else l_0_release), 'title')))
        yield ']('
        yield str(environment.getattr((undefined(name='release') if l_0_release is missing else l_0_release), 'compare_url'))
        yield ')'
        if environment.getattr((undefined(name='release') if l_0_release is missing else l_0_release), 'date'):
            pass
            yield ' — '
            yield str(environment.getattr((undefined(name='release') if l_0_release is missing else l_0_release), 'date'))
    else:
        pass
        yield str((undefined(name='h') if l_0_h is missing else l_0_h))
        yield ' '
        yield str(t_5(environment.getattr((undefined(name='release') if l_0_release is missing else l_0_release), 'title')))
        if environment.getattr((undefined(name='release') if l_0_release is missing else l_0_release), 'date'):
            pass
            yield ' — '
            yield str(environment.getattr((undefined(name='release') if l_0_release is missing else l_0_release), 'date'))
    if environment.getattr((undefined(name='release') if l_0_release is missing else l_0_release), 'folded'):
        pass
        yield '\n\n_Includes the pre-release'
        yield str(('s' if (t_3(environment.getattr((undefined(name='release') if l_0_release is missing else l_0_release), 'folded')) > 1) else cond_expr_undefined("the inline if-expression on line 16 in 'release.md.j2' evaluated to false and no else section was defined.")))
        yield ' '
        yield str(t_2(context.eval_ctx, t_4(context, environment.getattr((undefined(name='release') if l_0_release is missing else l_0_release), 'folded'), 'md'), ', '))
        yield '._\n'
    yield '\n'
    if (not environment.getattr((undefined(name='release') if l_0_release is missing else l_0_release), 'sections')):
        pass
        yield '\n_No notable changes._\n'
    def t_7(fiter):
        for l_1_section in fiter:
            if (not environment.getattr(l_1_section, 'collapsed')):
                yield l_1_section
    for l_1_section in t_7(environment.getattr((undefined(name='release') if l_0_release is missing else l_0_release), 'sections')):
        l_1_entries = resolve('entries')
        _loop_vars = {}
        pass
        yield '\n'
        yield str((undefined(name='h') if l_0_h is missing else l_0_h))
        yield '# '
        yield str(t_5(environment.getattr(l_1_section, 'title')))
        yield '\n\n'
        yield str(environment.call(context, (undefined(name='entries') if l_1_entries is missing else l_1_entries), environment.getattr(l_1_section, 'items'), _loop_vars=_loop_vars))
        yield '\n\n'
    l_1_section = l_1_entries = missing
    def t_8(fiter):
        for l_1_section in fiter:
            if environment.getattr(l_1_section, 'collapsed'):
                yield l_1_section
    for l_1_section in t_8(environment.getattr((undefined(name='release') if l_0_release is missing else l_0_release), 'sections')):
        l_1_entries = resolve('entries')
        _loop_vars = {}
        pass
        yield '\n<details markdown>\n<summary>'
        yield str(t_1(environment.getattr(l_1_section, 'title')))
        yield ' ('
        yield str(t_3(environment.getattr(l_1_section, 'items')))
        yield ')</summary>\n\n'
        yield str(environment.call(context, (undefined(name='entries') if l_1_entries is missing else l_1_entries), environment.getattr(l_1_section, 'items'), _loop_vars=_loop_vars))
        yield '\n\n\n</details>\n'
    l_1_section = l_1_entries = missing
    if environment.getattr((undefined(name='release') if l_0_release is missing else l_0_release), 'contributors'):
        pass
        yield '\n'
        yield str((undefined(name='h') if l_0_h is missing else l_0_h))
        yield '# Contributors\n\n'
        yield str(t_2(context.eval_ctx, t_4(context, environment.getattr((undefined(name='release') if l_0_release is missing else l_0_release), 'contributors'), 'md'), ', '))
        yield '\n'
        if environment.getattr((undefined(name='release') if l_0_release is missing else l_0_release), 'first_time_contributors'):
            pass
            yield '\nFirst contribution: '
            yield str(t_2(context.eval_ctx, t_4(context, environment.getattr((undefined(name='release') if l_0_release is missing else l_0_release), 'first_time_contributors'), 'md'), ', '))
            yield ' — welcome!\n'
    if ((not environment.getattr((undefined(name='release') if l_0_release is missing else l_0_release), 'tag')) and environment.getattr((undefined(name='release') if l_0_release is missing else l_0_release), 'next_version')):
        pass
        yield '\nSuggested next version: **'
        yield str(environment.getattr((undefined(name='release') if l_0_release is missing else l_0_release), 'next_version'))
        yield '**'
        if environment.getattr((undefined(name='release') if l_0_release is missing else l_0_release), 'compare_url'):
            pass
            yield ' · [all changes]('
            yield str(environment.getattr((undefined(name='release') if l_0_release is missing else l_0_release), 'compare_url'))
            yield ')'
        yield '\n'

blocks = {}
debug_info = '4=51&5=54&6=56&7=60&8=62&10=74&12=81&16=84&19=89&23=92&25=101&27=105&30=108&33=117&35=121&40=124&42=127&44=129&45=131&47=134&50=136&52=139'
# Compiled by Jinja from leaddocs/documents/templates/release.md.j2.
