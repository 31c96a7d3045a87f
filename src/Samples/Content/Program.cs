namespace GraphBff.Samples.Content; public static class Program { public static void Main() { } }
