using System.Text.Json;
using GraphBff.Composition;

namespace GraphBff.Planning;

/// <summary>One field of the response: where its value comes from and how it is written.</summary>
internal sealed class PlanField
{
    public PlanField(string responseKey, string parentType, string fieldName, TypeRef type, PlanFieldKind kind)
    {
        ResponseKey = responseKey;
        EncodedKey = JsonEncodedText.Encode(responseKey);
        ParentType = parentType;
        FieldName = fieldName;
        Type = type;
        Kind = kind;
    }

    public string ResponseKey { get; }

    public JsonEncodedText EncodedKey { get; }

    public string ParentType { get; }

    public string FieldName { get; }

    public TypeRef Type { get; }

    public PlanFieldKind Kind { get; }

    /// <summary>The UTF-8 property name to read from the parent's (or the fetch's) JSON.</summary>
    public byte[]? Property { get; init; }

    public FetchNode? Fetch { get; init; }

    public LeafKind Leaf { get; init; }

    public string[]? EnumValues { get; init; }

    public PlanSelectionSet? Selection { get; set; }

    public CompositeField? Definition { get; init; }

    /// <summary>For a denied field: AUTH_NOT_AUTHENTICATED or AUTH_NOT_AUTHORIZED.</summary>
    public string? DeniedCode { get; init; }

    /// <summary>AFTER_RESOLVER rules, decided with the parent's data when the field is written.</summary>
    public Authorization.AuthorizeRule[]? AfterRules { get; set; }

    /// <summary>Where the parent fields those rules read are found in the parent's JSON.</summary>
    public Dictionary<string, byte[]>? ResourceProperties { get; set; }

    public int Line { get; init; }

    public int Column { get; init; }
}
