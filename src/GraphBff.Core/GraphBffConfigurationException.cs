namespace GraphBff;

/// <summary>Configuration or schema that the gateway cannot start with; the message names the setting or file.</summary>
public sealed class GraphBffConfigurationException : Exception
{
    public GraphBffConfigurationException(string message)
        : base(message)
    {
    }

    public GraphBffConfigurationException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
