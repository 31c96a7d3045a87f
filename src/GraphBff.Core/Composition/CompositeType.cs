using GraphQLParser.AST;

namespace GraphBff.Composition;

/// <summary>A named type of the composed graph.</summary>
internal sealed class CompositeType
{
    private readonly Dictionary<string, CompositeField> _fieldsByName = new(StringComparer.Ordinal);

    public CompositeType(string name, TypeKind kind)
    {
        Name = name;
        Kind = kind;
    }

    public string Name { get; }

    public TypeKind Kind { get; }

    public string? Description { get; set; }

    /// <summary>The source that declared the type (null for built-in scalars and gateway types).</summary>
    public string? Source { get; set; }

    public string? File { get; set; }

    public List<CompositeField> Fields { get; } = [];

    public List<CompositeArgument> InputFields { get; } = [];

    public List<string> EnumValues { get; } = [];

    /// <summary>Descriptions and deprecation reasons of enum values, by name (absent when a value has neither).</summary>
    public Dictionary<string, (string? Description, string? DeprecationReason)> EnumValueDetails { get; } = new(StringComparer.Ordinal);

    public List<string> Interfaces { get; } = [];

    public List<string> PossibleTypes { get; } = [];

    public List<GraphQLDirective> Directives { get; } = [];

    /// <summary>The definition as written, used to tell whether two sources define the type alike.</summary>
    public string Signature { get; set; } = "";

    public bool IsComposite => Kind is TypeKind.Object or TypeKind.Interface or TypeKind.Union;

    public bool IsLeaf => Kind is TypeKind.Scalar or TypeKind.Enum;

    public CompositeField? FindField(string name) => _fieldsByName.GetValueOrDefault(name);

    public void ReplaceField(CompositeField existing, CompositeField field)
    {
        Fields[Fields.IndexOf(existing)] = field;
        _fieldsByName[field.Name] = field;
    }

    public void AddField(CompositeField field)
    {
        Fields.Add(field);
        _fieldsByName[field.Name] = field;
    }
}
