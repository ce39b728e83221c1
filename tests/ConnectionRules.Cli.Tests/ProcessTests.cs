using System.Diagnostics;

namespace ConnectionRules.Cli.Tests;

/// <summary>The tool as its own process, the way a shell runs it: exit codes, and plain text when output is redirected.</summary>
public sealed class ProcessTests
{
    [Fact]
    public void Redirected_output_has_no_colour_codes_and_the_exit_code_is_zero()
    {
        var (exitCode, output, error) = Run("triage", "--now", "2025-10-01");

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.StartsWith("Sam Rivera's LinkedIn export: 33 connections, 12 pending invitations", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Unusable_input_exits_2_with_one_line_on_standard_error()
    {
        var missing = Path.Combine(Path.GetTempPath(), "connection-rules-tests", "no-such-export.zip");

        var (exitCode, output, error) = Run("triage", missing);

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Equal($"error: {missing}: no such file or folder.", error.Split('\n')[0].Split(" Give ")[0]);
    }

    [Fact]
    public void Help_names_the_program_as_it_is_installed()
    {
        var (exitCode, output, _) = Run("--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("connection-rules [command] [options]", output, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "connection-rules.dll"));
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("NO_COLOR");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.GetAwaiter().GetResult(), error);
    }
}
