using System.Text.Json;

namespace GraphBff.Planning;

/// <summary>The fields to write for an object of one type, in response order.</summary>
internal sealed class PlanSelectionSet(string typeName, PlanField[] fields)
{
    /// <summary>For an interface or union: the selection of each possible type, chosen by the value's <c>__typename</c>.</summary>
    public Dictionary<string, PlanSelectionSet>? ByType { get; init; }

    /// <summary>For an interface or union: the property holding the value's type name (an alias the client cannot take).</summary>
    public byte[]? TypenameProperty { get; init; }

    public string TypeName { get; } = typeName;

    public JsonEncodedText EncodedTypeName { get; } = JsonEncodedText.Encode(typeName);

    public PlanField[] Fields { get; } = fields;
}
