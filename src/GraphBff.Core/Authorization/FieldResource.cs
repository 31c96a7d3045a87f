using System.Text.Json;

namespace GraphBff.Authorization;

/// <summary>The resource an AFTER_RESOLVER rule is decided with: the parent object of the field, as fetched.</summary>
public sealed class FieldResource
{
    private readonly JsonElement _parent;
    private readonly IReadOnlyDictionary<string, byte[]> _properties;

    internal FieldResource(string typeName, string fieldName, JsonElement parent, IReadOnlyDictionary<string, byte[]> properties)
    {
        TypeName = typeName;
        FieldName = fieldName;
        _parent = parent;
        _properties = properties;
    }

    /// <summary>The parent's type, e.g. <c>User</c>.</summary>
    public string TypeName { get; }

    /// <summary>The field being authorized, e.g. <c>email</c>.</summary>
    public string FieldName { get; }

    /// <summary>A scalar field of the parent as text (strings, numbers, booleans); null when absent.</summary>
    public string? GetField(string name)
    {
        if (_parent.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var found = _properties.TryGetValue(name, out var property)
            ? _parent.TryGetProperty(property, out var value)
            : _parent.TryGetProperty(name, out value);
        return !found ? null : value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
    }
}
