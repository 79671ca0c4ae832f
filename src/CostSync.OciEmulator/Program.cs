namespace CostSync.OciEmulator;

internal static class Program
{
    public static int Main() => 0;
}
