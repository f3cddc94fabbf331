from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'release-drafted.md.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_draft = resolve('draft')
    l_0_release = resolve('release')
    try:
        t_1 = environment.filters['comment_safe']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'comment_safe' found.")
    try:
        t_2 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_3 = environment.filters['map']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'map' found.")
    try:
        t_4 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    pass
    yield '<!-- drafted by leaddocs with '
    yield str(t_1(environment.getattr(environment.getattr((undefined(name='draft') if l_0_draft is missing else l_0_draft), 'report'), 'model')))
    yield ' for '
    yield str(t_1(environment.getattr((undefined(name='draft') if l_0_draft is missing else l_0_draft), 'audience')))
    yield '; review before publishing -->\n'
    if (environment.getattr((undefined(name='release') if l_0_release is missing else l_0_release), 'compare_url') and environment.getattr((undefined(name='release') if l_0_release is missing else l_0_release), 'version')):
        pass
        yield '# ['
        yield str(t_4(environment.getattr((undefined(name='release') if l_0_release is missing else l_0_release), 'title')))
        yield ']('
        yield str(environment.getattr((undefined(name='release') if l_0_release is missing else l_0_release), 'compare_url'))
        yield ')'
        if environment.getattr((undefined(name='release') if l_0_release is missing else l_0_release), 'date'):
            pass
            yield ' — '
            yield str(environment.getattr((undefined(name='release') if l_0_release is missing else l_0_release), 'date'))
    else:
        pass
        yield '# '
        yield str(t_4(environment.getattr((undefined(name='release') if l_0_release is missing else l_0_release), 'title')))
        if environment.getattr((undefined(name='release') if l_0_release is missing else l_0_release), 'date'):
            pass
            yield ' — '
            yield str(environment.getattr((undefined(name='release') if l_0_release is missing else l_0_release), 'date'))
    yield '\n'
    for l_1_section in environment.getattr((undefined(name='draft') if l_0_draft is missing else l_0_draft), 'sections'):
        _loop_vars = {}
        pass
        yield '\n## '
        yield str(t_4(environment.getattr(l_1_section, 'title')))
        yield '\n\n'
        for l_2_bullet in environment.getattr(l_1_section, 'bullets'):
            _loop_vars = {}
            pass
            if environment.getattr(l_2_bullet, 'filled'):
                pass
                yield str(environment.getattr(l_2_bullet, 'line'))
                yield '\n'
            else:
                pass
                yield '- '
                yield str(t_4(environment.getattr(l_2_bullet, 'text')))
                yield str(environment.getattr(l_2_bullet, 'refs'))
                yield '\n'
        l_2_bullet = missing
    l_1_section = missing
    if environment.getattr((undefined(name='release') if l_0_release is missing else l_0_release), 'contributors'):
        pass
        yield '\n## Contributors\n\n'
        yield str(t_2(context.eval_ctx, t_3(context, environment.getattr((undefined(name='release') if l_0_release is missing else l_0_release), 'contributors'), 'md'), ', '))
        yield '\n'
        if environment.getattr((undefined(name='release') if l_0_release is missing else l_0_release), 'first_time_contributors'):
            pass
            yield '\nFirst contribution: '
            yield str(t_2(context.eval_ctx, t_3(context, environment.getattr((undefined(name='release') if l_0_release is missing else l_0_release), 'first_time_contributors'), 'md'), ', '))
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
debug_info = '3=38&4=42&5=45&7=56&10=62&12=66&14=68&15=71&16=73&18=78&22=83&26=86&27=88&29=91&32=93&34=96'
# Compiled by Jinja from leaddocs/documents/templates/release-drafted.md.j2.
