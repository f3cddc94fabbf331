from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'item.md.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_item_line = missing
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
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
    def macro(l_1_item):
        t_5 = []
        l_1_lists_commits = missing
        if l_1_item is missing:
            l_1_item = undefined("parameter 'item' was not provided", name='item')
        pass
        t_5.append(
            '- ',
        )
        if environment.getattr(l_1_item, 'scope'):
            pass
            t_5.extend((
                '**',
                str(t_4(environment.getattr(l_1_item, 'scope'))),
                ':** ',
            ))
        t_5.append(
            str(t_4(environment.getattr(l_1_item, 'subject'))),
        )
        if environment.getattr(l_1_item, 'pr'):
            pass
            t_5.append(
                ' (',
            )
            if environment.getattr(l_1_item, 'pr_url'):
                pass
                t_5.extend((
                    '[',
                    str(environment.getattr(l_1_item, 'pr_label')),
                    '](',
                    str(environment.getattr(l_1_item, 'pr_url')),
                    ')',
                ))
            else:
                pass
                t_5.append(
                    str(environment.getattr(l_1_item, 'pr_label')),
                )
            t_5.append(
                ')',
            )
        elif environment.getattr(l_1_item, 'commits'):
            pass
            t_5.append(
                ' (',
            )
            if environment.getattr(environment.getitem(environment.getattr(l_1_item, 'commits'), 0), 'url'):
                pass
                t_5.extend((
                    '[',
                    str(environment.getattr(environment.getitem(environment.getattr(l_1_item, 'commits'), 0), 'short')),
                    '](',
                    str(environment.getattr(environment.getitem(environment.getattr(l_1_item, 'commits'), 0), 'url')),
                    ')',
                ))
            else:
                pass
                t_5.append(
                    str(environment.getattr(environment.getitem(environment.getattr(l_1_item, 'commits'), 0), 'short')),
                )
            t_5.append(
                ')',
            )
        if (environment.getattr(l_1_item, 'repeats') > 1):
            pass
            t_5.extend((
                ' — ',
                str(environment.getattr(l_1_item, 'repeats')),
                ' times',
            ))
        if (environment.getattr(l_1_item, 'authors') and environment.getattr(l_1_item, 'show_authors')):
            pass
            t_5.extend((
                ' by ',
                str(t_1(context.eval_ctx, t_3(context, environment.getattr(l_1_item, 'authors'), 'md'), ', ')),
            ))
        t_5.append(
            '\n',
        )
        for l_2_note in environment.getattr(l_1_item, 'breaking_notes'):
            _loop_vars = {}
            pass
            t_5.extend((
                '    - ',
                str(t_4(l_2_note)),
                '\n',
            ))
        l_2_note = missing
        l_1_lists_commits = ((environment.getattr(l_1_item, 'repeats') == 1) and (not ((t_2(environment.getattr(l_1_item, 'commits')) == 2) and environment.call(context, environment.getattr(environment.getattr(environment.getitem(environment.getattr(l_1_item, 'commits'), 1), 'subject'), 'endswith'), environment.getattr(l_1_item, 'subject')))))
        for l_2_commit in (environment.getattr(l_1_item, 'commits')[1:] if (undefined(name='lists_commits') if l_1_lists_commits is missing else l_1_lists_commits) else []):
            _loop_vars = {}
            pass
            t_5.append(
                '    - ',
            )
            if environment.getattr(l_2_commit, 'url'):
                pass
                t_5.extend((
                    '[',
                    str(environment.getattr(l_2_commit, 'short')),
                    '](',
                    str(environment.getattr(l_2_commit, 'url')),
                    ')',
                ))
            else:
                pass
                t_5.extend((
                    '`',
                    str(environment.getattr(l_2_commit, 'short')),
                    '`',
                ))
            t_5.extend((
                ' ',
                str(t_4(environment.getattr(l_2_commit, 'subject'))),
                '\n',
            ))
        l_2_commit = missing
        return concat(t_5)
    context.exported_vars.add('item_line')
    context.vars['item_line'] = l_0_item_line = Macro(environment, macro, 'item_line', ('item',), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '2=36&3=45&4=55&5=77&7=99&8=106&10=115&11=120&13=124&14=125&15=131'
# Compiled by Jinja from leaddocs/documents/templates/item.md.j2.
