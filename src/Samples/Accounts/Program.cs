namespace GraphBff.Samples.Accounts; public static class Program { public static void Main() { } }
