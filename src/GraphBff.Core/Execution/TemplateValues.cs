using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using GraphBff.Composition;
using GraphBff.Planning;
using GraphBff.Sources;
using GraphQLParser.AST;

namespace GraphBff.Execution;

/// <summary>Turns template holes into values: a parent's key, an argument, a claim or a header.</summary>
internal static class TemplateValues
{
    private const char KeySeparator = '\u001f';

    // Join keys are short ids that recur: the walk over the parents and the response writer both ask for each one, and
    // many parents share one. A small two-way cache of their strings (shared, lock-free: a slot holds an immutable
    // string or null) spares the allocation when an id comes back.
    private const int ScalarCacheMask = 2047;
    private const int MaxCachedScalarLength = 32;
    private static readonly string?[] s_scalars = new string?[ScalarCacheMask + 1];

    // The printable ASCII chars that JsonSerializer writes as themselves in a string literal; asked of the serializer
    // itself, so that a literal copied from the upstream bytes is always the one Quote would have written.
    private static readonly bool[] s_plainLiteralChars = PlainLiteralChars();

    // An argument literal belongs to a cached plan and never changes: it is printed once, not per request.
    private static readonly ConditionalWeakTable<GraphQLValue, string> s_printedLiterals = [];
    private static readonly ConditionalWeakTable<GraphQLValue, string> s_literalTexts = [];

    /// <summary>The parent's join key: its <c>$fields:</c> values. False when one is missing or null (no fetch; the field is null).</summary>
    public static bool TryGetKey(FieldFetch fetch, JsonElement parent, bool hasParent, out string key)
    {
        if (!hasParent && fetch.KeyProperties.Count > 0)
        {
            key = "";
            return false;
        }

        return TryGetKey(fetch, parent, out key, out _);
    }

    /// <summary>
    /// The parent's join key, and with a single <c>$fields:</c> name its JSON value too (what a template reads for
    /// that name, and the key is its text).
    /// </summary>
    public static bool TryGetKey(FieldFetch fetch, JsonElement parent, out string key, out JsonElement value)
    {
        key = "";
        value = default;
        var properties = fetch.KeyProperties;
        if (properties.Count == 0)
        {
            return true;
        }

        if (parent.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (properties.Count == 1)
        {
            foreach (var property in properties.Values)
            {
                if (!parent.TryGetProperty(property, out value) || !TryScalarText(value, out key))
                {
                    key = "";
                    value = default;
                    return false;
                }
            }

            return true;
        }

        var text = new PooledTextBuilder(64);
        try
        {
            foreach (var property in properties.Values)
            {
                if (!parent.TryGetProperty(property, out var part) || !TryScalarText(part, out var partText))
                {
                    return false;
                }

                text.Append(partText);
                text.Append(KeySeparator);
            }

            key = text.ToString();
            return true;
        }
        finally
        {
            text.Dispose();
        }
    }

    public static bool TryScalarText(JsonElement value, out string text)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var raw = JsonMarshal.GetRawUtf8Value(value);
                text = TryCachedAscii(raw[1..^1], out var cached) ? cached : value.GetString()!;
                return true;
            case JsonValueKind.Number:
                text = TryCachedAscii(JsonMarshal.GetRawUtf8Value(value), out cached) ? cached : value.GetRawText();
                return true;
            case JsonValueKind.True:
                text = "true";
                return true;
            case JsonValueKind.False:
                text = "false";
                return true;
            default:
                text = "";
                return false;
        }
    }

    /// <summary>
    /// The string of short raw JSON text that needs no unescaping (plain ASCII, no backslash), from the cache when
    /// it is there; false for anything else (the caller decodes it the ordinary way).
    /// </summary>
    private static bool TryCachedAscii(ReadOnlySpan<byte> raw, out string text)
    {
        text = "";
        if (raw.Length > MaxCachedScalarLength)
        {
            return false;
        }

        uint hash;
        if (raw.Length <= 8)
        {
            // Ids are short: one 64-bit word, checked for non-ASCII bytes and backslashes at once, then hashed.
            Span<byte> word = stackalloc byte[8];
            word.Clear();
            raw.CopyTo(word);
            var bits = BinaryPrimitives.ReadUInt64LittleEndian(word);
            var backslashes = bits ^ 0x5C5C5C5C5C5C5C5CUL;
            if ((bits & 0x8080808080808080UL) != 0 || ((backslashes - 0x0101010101010101UL) & ~backslashes & 0x8080808080808080UL) != 0)
            {
                return false;
            }

            hash = (uint)((bits * 0x9E3779B97F4A7C15UL) >> 32) ^ (uint)raw.Length;
        }
        else
        {
            // FNV-1a, checking on the way that every byte is ASCII and none a backslash.
            hash = 2166136261u;
            foreach (var b in raw)
            {
                if (b is >= 0x80 or (byte)'\\')
                {
                    return false;
                }

                hash = (hash ^ b) * 16777619u;
            }
        }

        // Two ways per set, the newest first.
        hash ^= hash >> 15;
        var set = (int)(hash & ScalarCacheMask) & ~1;
        var first = Volatile.Read(ref s_scalars[set]);
        if (first is not null && SameAscii(raw, first))
        {
            text = first;
            return true;
        }

        var second = Volatile.Read(ref s_scalars[set + 1]);
        if (second is not null && SameAscii(raw, second))
        {
            text = second;
            return true;
        }

        text = Encoding.ASCII.GetString(raw);
        Volatile.Write(ref s_scalars[set + 1], first);
        Volatile.Write(ref s_scalars[set], text);
        return true;
    }

    private static bool SameAscii(ReadOnlySpan<byte> ascii, string text)
    {
        if (ascii.Length != text.Length)
        {
            return false;
        }

        for (var i = 0; i < ascii.Length; i++)
        {
            if (ascii[i] != text[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A hole's value as plain text (URL parts, headers); null when absent.</summary>
    public static string? Text(TemplatePart part, FieldFetch fetch, JsonElement parent, ExecutionState state)
    {
        switch (part.Kind)
        {
            case TemplateVariableKind.Fields:
                return parent.ValueKind == JsonValueKind.Object &&
                       parent.TryGetProperty(fetch.KeyProperties[part.Name!], out var value) &&
                       TryScalarText(value, out var text)
                    ? text
                    : null;
            case TemplateVariableKind.Arguments:
                return ArgumentText(fetch.Arguments[part.Name!], state);
            case TemplateVariableKind.Claims:
                return state.Context.User?.FindFirst(part.Name!)?.Value;
            case TemplateVariableKind.Headers:
                return state.Context.GetHeader(part.Name!);
            default:
                return null;
        }
    }

    /// <summary>A hole's value as a GraphQL literal (delegation arguments); null when absent.</summary>
    public static string? Literal(TemplatePart part, FieldFetch fetch, JsonElement parent, ExecutionState state)
    {
        if (part.IsLiteral)
        {
            return part.Literal;
        }

        switch (part.Kind)
        {
            case TemplateVariableKind.Fields:
                return parent.ValueKind == JsonValueKind.Object &&
                       parent.TryGetProperty(fetch.KeyProperties[part.Name!], out var value)
                    ? JsonToLiteral(value)
                    : null;
            case TemplateVariableKind.Arguments:
                var argument = fetch.Arguments[part.Name!];
                if (argument.Literal is not null)
                {
                    return s_printedLiterals.GetValue(argument.Literal, static literal => SchemaComposer.Print(literal));
                }

                if (argument.Variable is not null && TryVariable(state, argument.Variable, out var variable))
                {
                    return JsonToLiteral(variable);
                }

                return argument.DefaultLiteral;
            default:
                return Text(part, fetch, parent, state) is { } text ? Quote(text) : null;
        }
    }

    /// <summary>
    /// Writes what <see cref="JsonToLiteral"/> makes of a scalar, escaped for a JSON string, straight from the upstream
    /// bytes: a string that <see cref="Quote"/> would copy unchanged, a number, a boolean or null. False, with nothing
    /// written, for anything else.
    /// </summary>
    public static bool TryWritePlainEscapedLiteral(PooledBufferWriter output, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var raw = JsonMarshal.GetRawUtf8Value(value);
                var inner = raw[1..^1];
                if (!IsPlainLiteral(raw) || !UpstreamJson.IsPlain(inner))
                {
                    return false;
                }

                output.Write(UpstreamJson.EscapedQuote);
                output.Write(inner);
                output.Write(UpstreamJson.EscapedQuote);
                return true;
            case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                var text = JsonMarshal.GetRawUtf8Value(value);
                if (!UpstreamJson.IsPlain(text))
                {
                    return false;
                }

                output.Write(text);
                return true;
            case JsonValueKind.Null:
                output.Write("null"u8);
                return true;
            default:
                return false;
        }
    }

    /// <summary>True when a raw JSON string (quotes included) is, byte for byte, what <see cref="Quote"/> makes of its value.</summary>
    private static bool IsPlainLiteral(ReadOnlySpan<byte> raw)
    {
        var plain = s_plainLiteralChars;
        for (var i = 1; i < raw.Length - 1; i++)
        {
            var b = raw[i];
            if (b >= plain.Length || !plain[b])
            {
                return false;
            }
        }

        return raw.Length >= 2;
    }

    private static bool[] PlainLiteralChars()
    {
        var plain = new bool[128];
        for (var c = (char)0x20; c < 0x7F; c++)
        {
            var quoted = JsonSerializer.Serialize(c.ToString());
            plain[c] = c is not ('"' or '\\') && quoted.Length == 3 && quoted[1] == c;
        }

        return plain;
    }

    private static string? ArgumentText(ArgumentValue argument, ExecutionState state)
    {
        if (argument.Literal is not null)
        {
            return argument.Literal is GraphQLNullValue
                ? null
                : s_literalTexts.GetValue(argument.Literal, static literal => literal switch
                {
                    GraphQLStringValue s => s.Value.ToString(),
                    GraphQLEnumValue e => e.Name.StringValue,
                    var other => SchemaComposer.Print(other),
                });
        }

        if (argument.Variable is not null && TryVariable(state, argument.Variable, out var value))
        {
            return value.ValueKind == JsonValueKind.Null ? null : TryScalarText(value, out var text) ? text : value.GetRawText();
        }

        return argument.DefaultLiteral is { } literal && literal.Length >= 2 && literal[0] == '"'
            ? literal[1..^1]
            : argument.DefaultLiteral;
    }

    private static bool TryVariable(ExecutionState state, string name, out JsonElement value)
    {
        value = default;
        return state.Variables.ValueKind == JsonValueKind.Object && state.Variables.TryGetProperty(name, out value);
    }

    public static string JsonToLiteral(JsonElement value)
    {
        var sb = new StringBuilder();
        AppendLiteral(sb, value);
        return sb.ToString();
    }

    private static void AppendLiteral(StringBuilder sb, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                sb.Append(Quote(value.GetString()!));
                break;
            case JsonValueKind.Array:
                sb.Append('[');
                var first = true;
                foreach (var item in value.EnumerateArray())
                {
                    if (!first)
                    {
                        sb.Append(", ");
                    }

                    first = false;
                    AppendLiteral(sb, item);
                }

                sb.Append(']');
                break;
            case JsonValueKind.Object:
                sb.Append('{');
                var firstField = true;
                foreach (var property in value.EnumerateObject())
                {
                    if (!firstField)
                    {
                        sb.Append(", ");
                    }

                    firstField = false;
                    sb.Append(property.Name).Append(": ");
                    AppendLiteral(sb, property.Value);
                }

                sb.Append('}');
                break;
            case JsonValueKind.Null or JsonValueKind.Undefined:
                sb.Append("null");
                break;
            default:
                sb.Append(value.GetRawText());
                break;
        }
    }

    /// <summary>A GraphQL string literal; JSON's escapes are GraphQL's.</summary>
    public static string Quote(string text) => JsonSerializer.Serialize(text);

    public static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
