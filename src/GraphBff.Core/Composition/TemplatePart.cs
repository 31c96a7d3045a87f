namespace GraphBff.Composition;

/// <summary>Literal text, or a variable hole, of a <see cref="Template"/>.</summary>
internal sealed record TemplatePart(string? Literal, TemplateVariableKind Kind, string? Name)
{
    public bool IsLiteral => Literal is not null;

    public static TemplatePart Text(string text) => new(text, default, null);

    public static TemplatePart Variable(TemplateVariableKind kind, string name) => new(null, kind, name);

    public override string ToString() => Literal ?? $"${Kind.ToString().ToLowerInvariant()}:{Name}";
}
