using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;

namespace PatientMessageExchange.IntegrationTests.Infrastructure;

/// <summary>
/// Accepts SMTP connections with Nagle's algorithm off (the SmtpServer package leaves it on, which adds ~40 ms to
/// every reply after a large DATA) and reports the port the OS picked for port 0.
/// </summary>
public sealed class NoDelayEndpointListenerFactory : IEndpointListenerFactory
{
    private readonly TaskCompletionSource<int> _port = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<int> Port => _port.Task;

    public IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
    {
        var listener = new TcpListener(endpointDefinition.Endpoint);
        listener.Start();
        _port.TrySetResult(((IPEndPoint)listener.LocalEndpoint).Port);
        return new Listener(listener);
    }

    private sealed class Listener(TcpListener listener) : IEndpointListener
    {
        public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
        {
            var socket = await listener.AcceptSocketAsync(cancellationToken);
            socket.NoDelay = true;
            context.Properties[EndpointListener.RemoteEndPointKey] = socket.RemoteEndPoint!;
            return new AbortableSocketPipe(socket);
        }

        public void Dispose() => listener.Stop();
    }
}
