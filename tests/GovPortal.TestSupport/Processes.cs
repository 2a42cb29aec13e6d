using System.Diagnostics;

namespace GovPortal.Tests.Support;

public static class Processes
{
    /// <summary>Runs a program to its end and returns its exit code and both outputs.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string program,
        IEnumerable<string> args,
        string? workingDirectory = null, IEnumerable<string>? removeVariables = null)
    {
        var start = new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
        foreach (var variable in removeVariables ?? []) start.Environment.Remove(variable);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await errors);
    }
}
