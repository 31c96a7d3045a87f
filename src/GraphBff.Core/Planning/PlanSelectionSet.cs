using System.Text.Json;

namespace GraphBff.Planning;

/// <summary>The fields to write for an object of one type, in response order.</summary>
internal sealed class PlanSelectionSet(string typeName, PlanField[] fields)
{
    public string TypeName { get; } = typeName;

    public JsonEncodedText EncodedTypeName { get; } = JsonEncodedText.Encode(typeName);

    public PlanField[] Fields { get; } = fields;
}
