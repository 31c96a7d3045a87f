using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using GraphBff.Composition;
using GraphBff.Planning;
using GraphBff.Sources;

namespace GraphBff.Execution;

/// <summary>
/// The batch document of a GraphQL delegation (<c>query { _0: user(id: "1") { … } _1: … }</c>), written straight
/// into the request body as the JSON string it becomes there. The text that does not change between requests
/// (the operation prefix, field, argument names, selection) is escaped once per plan node; per parent only the alias
/// number and the argument values are written. Byte for byte what writing the whole document with
/// <see cref="Utf8JsonWriter.WriteString(ReadOnlySpan{byte}, ReadOnlySpan{char})"/> gives: escaping is per char, and the
/// pieces never split a surrogate pair.
/// </summary>
internal sealed class BatchDocument
{
    private static readonly ConditionalWeakTable<FieldFetch, BatchDocument> s_documents = [];

    private static readonly byte[] s_close = [.. UpstreamJson.Escape(" }"), (byte)'"'];

    private readonly FieldFetch _fetch;
    private readonly byte[] _open;
    private readonly byte[] _fieldStart;
    private readonly Argument[] _arguments;
    private readonly byte[] _fieldEnd;

    private BatchDocument(FieldFetch fetch, GraphQLDelegateResolver resolver)
    {
        _fetch = fetch;
        _open = [(byte)'"', .. UpstreamJson.Escape(fetch.DocumentPrefix + " {")];
        var arguments = resolver.Arguments;
        _fieldStart = UpstreamJson.Escape(": " + resolver.UpstreamField + (arguments.Count > 0 ? "(" : ""));
        _fieldEnd = UpstreamJson.Escape((arguments.Count > 0 ? ")" : "") + fetch.Selection);
        _arguments = new Argument[arguments.Count];
        for (var a = 0; a < arguments.Count; a++)
        {
            var (name, template) = arguments[a];
            var part = template.Parts[0];
            var escapedName = UpstreamJson.Escape((a > 0 ? ", " : "") + name + ": ");
            if (part.IsLiteral)
            {
                _arguments[a] = new Argument(escapedName, part, UpstreamJson.Escape(part.Literal), false);
            }
            else
            {
                // With one $fields: name, a $fields: hole reads the parent's key.
                var isKey = part.Kind == TemplateVariableKind.Fields && fetch.KeyProperties.Count == 1 && fetch.KeyProperties.ContainsKey(part.Name!);
                _arguments[a] = new Argument(escapedName, part, null, isKey);
            }
        }
    }

    public static BatchDocument For(FieldFetch fetch) =>
        s_documents.GetValue(fetch, static fetch => new BatchDocument(fetch, (GraphQLDelegateResolver)fetch.Resolver));

    /// <summary>
    /// Writes the document as a JSON string token (quotes included), one aliased field per parent, the alias numbering
    /// every parent. A parent with a hole that has no value (no such claim, header or key) is left out, its
    /// <paramref name="sent"/> false: nothing to ask for, its field is null. Returns how many were written.
    /// </summary>
    public int Write(PooledBufferWriter output, Dictionary<string, PlanExecutor.Parent> parents, ExecutionState state, bool[] sent)
    {
        output.Write(_open);
        var i = 0;
        var batched = 0;
        foreach (var parent in parents.Values)
        {
            var mark = output.WrittenCount;
            output.Write(" _"u8);
            output.WriteNumber(i);
            output.Write(_fieldStart);
            var missing = false;
            foreach (var argument in _arguments)
            {
                output.Write(argument.Name);
                if (!TryWriteValue(output, argument, parent, state))
                {
                    missing = true;
                    break;
                }
            }

            sent[i++] = !missing;
            if (missing)
            {
                output.Truncate(mark);
                continue;
            }

            output.Write(_fieldEnd);
            batched++;
        }

        output.Write(s_close);
        return batched;
    }

    /// <summary>The argument's GraphQL literal (what <see cref="TemplateValues.Literal"/> gives), escaped; false when absent.</summary>
    private bool TryWriteValue(PooledBufferWriter output, Argument argument, PlanExecutor.Parent parent, ExecutionState state)
    {
        if (argument.Constant is { } constant)
        {
            output.Write(constant);
            return true;
        }

        if (argument.IsKey)
        {
            // The key's value, found when the parent was gathered.
            if (!TemplateValues.TryWritePlainEscapedLiteral(output, parent.Key))
            {
                output.Write(UpstreamJson.Escape(TemplateValues.JsonToLiteral(parent.Key)));
            }

            return true;
        }

        if (TemplateValues.Literal(argument.Part, _fetch, parent.Object, state) is not { } literal)
        {
            return false;
        }

        output.Write(UpstreamJson.Escape(literal));
        return true;
    }

    /// <summary>One argument: its escaped <c>name: </c> (with the comma before it), and where its value comes from.</summary>
    private readonly record struct Argument(byte[] Name, TemplatePart Part, byte[]? Constant, bool IsKey);
}
