namespace GraphBff.Composition;

/// <summary>An argument of a field, or a field of an input object.</summary>
internal sealed record CompositeArgument(string Name, TypeRef Type, string? DefaultValue, string? Description);
