//! Who is on the other end of a request. Behind a reverse proxy every request comes from the
//! proxy, and the client's address is in `X-Forwarded-For`; but anyone can send that header, so
//! it is believed only from proxies the operator named (`--trusted-proxies`).
use std::net::IpAddr;

/// An address block such as `10.0.0.0/8` or `fd00::/8`; a bare address is a block of one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cidr {
    network: IpAddr,
    prefix: u8,
}

impl Cidr {
    pub fn parse(raw: &str) -> Result<Cidr, String> {
        let raw = raw.trim();
        let (address, prefix) = raw.split_once('/').unwrap_or((raw, ""));
        let network: IpAddr = address
            .parse()
            .map_err(|_| format!("{raw} is not an address block like 10.0.0.0/8"))?;
        let bits = if network.is_ipv4() { 32 } else { 128 };
        let prefix = if prefix.is_empty() {
            bits
        } else {
            prefix
                .parse::<u8>()
                .ok()
                .filter(|p| *p <= bits)
                .ok_or_else(|| format!("{raw}: the prefix must be 0 to {bits}"))?
        };
        Ok(Cidr { network, prefix })
    }

    /// A comma-separated list, as `--trusted-proxies` takes it.
    pub fn parse_list(raw: &str) -> Result<Vec<Cidr>, String> {
        raw.split(',')
            .filter(|part| !part.trim().is_empty())
            .map(Cidr::parse)
            .collect()
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = ip.to_canonical();
        match (self.network.to_canonical(), ip) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                same_prefix(&net.octets(), &ip.octets(), self.prefix.min(32))
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                same_prefix(&net.octets(), &ip.octets(), self.prefix)
            }
            _ => false,
        }
    }
}

fn same_prefix(a: &[u8], b: &[u8], prefix: u8) -> bool {
    let (whole, rest) = ((prefix / 8) as usize, prefix % 8);
    if a[..whole] != b[..whole] {
        return false;
    }
    rest == 0 || (a[whole] ^ b[whole]) >> (8 - rest) == 0
}

/// The client's address: the socket peer, unless the peer is a trusted proxy; then the nearest
/// address in `X-Forwarded-For` that is not itself a trusted proxy (read from the right, since
/// each proxy appends what it saw and only the part our proxies wrote can be believed).
pub fn client_ip<'a>(
    peer: IpAddr,
    forwarded_for: impl IntoIterator<Item = &'a str>,
    trusted: &[Cidr],
) -> IpAddr {
    let is_trusted = |ip: IpAddr| trusted.iter().any(|block| block.contains(ip));
    if !is_trusted(peer) {
        return peer.to_canonical();
    }
    let hops: Vec<IpAddr> = forwarded_for
        .into_iter()
        .flat_map(|header| header.split(','))
        .filter_map(|hop| hop.trim().parse().ok())
        .collect();
    let mut client = peer;
    for hop in hops.into_iter().rev() {
        client = hop;
        if !is_trusted(hop) {
            break;
        }
    }
    client.to_canonical()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn blocks_contain_their_addresses() {
        let block = Cidr::parse("10.1.0.0/16").unwrap();
        assert!(block.contains(ip("10.1.200.3")));
        assert!(!block.contains(ip("10.2.0.1")));
        assert!(Cidr::parse("192.168.1.7")
            .unwrap()
            .contains(ip("192.168.1.7")));
        assert!(!Cidr::parse("192.168.1.7")
            .unwrap()
            .contains(ip("192.168.1.8")));
        assert!(Cidr::parse("fd00::/8").unwrap().contains(ip("fd12::1")));
        assert!(Cidr::parse("10.0.0.0/8")
            .unwrap()
            .contains(ip("::ffff:10.0.0.9")));
        assert!(Cidr::parse("0.0.0.0/0").unwrap().contains(ip("8.8.8.8")));
        assert!(Cidr::parse("10.0.0.0/33").is_err());
        assert!(Cidr::parse("proxy.local").is_err());
        assert_eq!(
            Cidr::parse_list(" 10.0.0.0/8, 127.0.0.1 ,").unwrap().len(),
            2
        );
    }

    #[test]
    fn forwarded_for_is_believed_only_from_trusted_proxies() {
        let trusted = Cidr::parse_list("10.0.0.0/8").unwrap();
        // Straight from the internet: the header is whatever the client wrote.
        assert_eq!(
            client_ip(ip("203.0.113.9"), ["1.2.3.4"], &trusted),
            ip("203.0.113.9")
        );
        // Through our proxy: the address it saw, not what the client prepended.
        assert_eq!(
            client_ip(ip("10.0.0.2"), ["1.2.3.4, 198.51.100.7"], &trusted),
            ip("198.51.100.7")
        );
        // Through two of our proxies.
        assert_eq!(
            client_ip(ip("10.0.0.2"), ["198.51.100.7, 10.0.0.3"], &trusted),
            ip("198.51.100.7")
        );
        // A trusted proxy that sent no header is the client as far as we know.
        assert_eq!(client_ip(ip("10.0.0.2"), [], &trusted), ip("10.0.0.2"));
        // Nothing trusted: the peer, always.
        assert_eq!(client_ip(ip("10.0.0.2"), ["1.2.3.4"], &[]), ip("10.0.0.2"));
    }
}
