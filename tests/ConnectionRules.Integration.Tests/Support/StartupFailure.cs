using Microsoft.AspNetCore.Mvc.Testing;

namespace ConnectionRules.Integration.Tests.Support;

/// <summary>The exception that stops the sample service at start, as <see cref="WebApplicationFactory{TEntryPoint}"/> reports it.</summary>
public static class StartupFailure
{
    /// <summary>Starts a new factory and returns the exception its start-up throws, which must be a <typeparamref name="TException"/>.</summary>
    /// <remarks>
    /// After a failed start the sample's <c>app.Run()</c> disposes its host on the entry point's thread, while the factory
    /// still reads the host's services on the test's: now and then the factory loses that race and reports an
    /// <see cref="ObjectDisposedException"/> instead of the start-up exception. That says nothing about the service, so
    /// the start is tried again on a new factory.
    /// </remarks>
    public static TException Of<TException>(Func<WebApplicationFactory<Program>> create)
        where TException : Exception
    {
        for (var attempt = 1; ; attempt++)
        {
            using var factory = create();
            var exception = Record.Exception(() => factory.CreateClient());
            if (exception is ObjectDisposedException && attempt < 5)
            {
                continue;
            }

            return Assert.IsType<TException>(exception);
        }
    }
}
