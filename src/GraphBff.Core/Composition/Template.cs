namespace GraphBff.Composition;

/// <summary>
/// A string with <c>{$kind:name}</c> holes (an <c>@http</c> path, query entry or body), or a single value
/// (a <c>@delegate</c> argument, where the whole value is one hole or one GraphQL literal).
/// </summary>
internal sealed class Template
{
    public Template(IReadOnlyList<TemplatePart> parts)
    {
        Parts = parts;
    }

    public IReadOnlyList<TemplatePart> Parts { get; }

    public IEnumerable<TemplatePart> Variables => Parts.Where(static p => !p.IsLiteral);

    public bool IsSingleVariable => Parts.Count == 1 && !Parts[0].IsLiteral;

    /// <summary>Parses <c>/posts/{$arguments:id}/comments</c>.</summary>
    public static Template ParseHoles(string text)
    {
        var parts = new List<TemplatePart>();
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf('{', position);
            if (open < 0)
            {
                parts.Add(TemplatePart.Text(text[position..]));
                break;
            }

            var close = text.IndexOf('}', open);
            if (close < 0)
            {
                throw new FormatException($"'{text}' has a '{{' at {open} that is never closed.");
            }

            var inner = text.Substring(open + 1, close - open - 1).Trim();
            if (!inner.StartsWith('$'))
            {
                // Not a hole: JSON braces in a body template stay literal.
                parts.Add(TemplatePart.Text(text[position..(open + 1)]));
                position = open + 1;
                continue;
            }

            if (open > position)
            {
                parts.Add(TemplatePart.Text(text[position..open]));
            }

            parts.Add(ParseVariable(inner, text));
            position = close + 1;
        }

        return new Template(parts);
    }

    /// <summary>Parses one value: <c>$fields:authorId</c> or a GraphQL literal such as <c>"x"</c> or <c>10</c>.</summary>
    public static Template ParseValue(string text)
    {
        text = text.Trim();
        return new Template([text.StartsWith('$') ? ParseVariable(text, text) : TemplatePart.Text(text)]);
    }

    private static TemplatePart ParseVariable(string inner, string whole)
    {
        var colon = inner.IndexOf(':');
        if (colon < 0 || colon == inner.Length - 1)
        {
            throw new FormatException($"'{inner}' in '{whole}' is not of the form $kind:name.");
        }

        var kind = inner[1..colon] switch
        {
            "arguments" => TemplateVariableKind.Arguments,
            "fields" => TemplateVariableKind.Fields,
            "claims" => TemplateVariableKind.Claims,
            "headers" => TemplateVariableKind.Headers,
            var other => throw new FormatException(
                $"'{inner}' in '{whole}' names '${other}'; use $arguments, $fields, $claims or $headers."),
        };
        return TemplatePart.Variable(kind, inner[(colon + 1)..].Trim());
    }

    public override string ToString() => string.Concat(Parts.Select(static p => p.IsLiteral ? p.Literal : "{" + p + "}"));
}
