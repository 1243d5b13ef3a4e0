using System.IO.Pipelines;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SmtpServer.IO;

namespace PatientMessageExchange.IntegrationTests.Infrastructure;

/// <summary>A plain TCP connection for the test SMTP server, which a test can cut without a reply.</summary>
public sealed class AbortableSocketPipe : ISecurableDuplexPipe
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;

    public AbortableSocketPipe(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        Input = PipeReader.Create(_stream);
        Output = PipeWriter.Create(_stream);
    }

    public PipeReader Input { get; }
    public PipeWriter Output { get; }
    public bool IsSecure => false;
    public SslProtocols SslProtocol => SslProtocols.None;

    public Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The test SMTP server does not offer TLS.");

    /// <summary>Cuts the connection without a reply, as a crashed or overloaded server does.</summary>
    public void Abort() => _socket.Close(0);

    public void Dispose() => _stream.Dispose();
}
