from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'release-notes.md.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    pass
    l_1_level = 1
    pass
    template = environment.get_template('release.md.j2', 'release-notes.md.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'level': l_1_level}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    l_1_level = missing

blocks = {}
debug_info = '2=13'
# Compiled by Jinja from leaddocs/documents/templates/release-notes.md.j2.
