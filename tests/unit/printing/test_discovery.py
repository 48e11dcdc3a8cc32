"""Printer discovery: the network scan finds a raw-port listener on loopback and nothing else,
refuses networks that are not small and local, and every row becomes a working profile."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.errors import ValidationError
from app.printing import discovery, udev
from app.printing.discovery import FoundPrinter, check_network, network_printers, serial_row
from app.printing.profile import ConnectionKind, PrinterProfile
from tests.unit.receipts.order_kit import FakeNetworkPrinter


@pytest.fixture
def raw_listener() -> Iterator[tuple[str, int]]:
    """A printer's raw port on 127.0.0.1 (any free port)."""
    printer = FakeNetworkPrinter()
    printer.start()
    yield "127.0.0.1", printer.port
    printer.close()


def test_scan_finds_the_listener_and_only_it(raw_listener: tuple[str, int]) -> None:
    host, port = raw_listener
    seen: list[tuple[int, int]] = []
    found = network_printers(ipaddress.IPv4Network("127.0.0.0/29"), port=port, timeout=0.2,
                             progress=lambda done, total: seen.append((done, total)))
    assert [(p.kind, p.host, p.port) for p in found] == [(ConnectionKind.NETWORK, host, port)]
    assert seen[-1] == (6, 6)  # the six usable hosts of a /29, each reported once
    profile = found[0].apply_to(PrinterProfile(paper_mm=80))
    assert (profile.kind, profile.host, profile.port, profile.paper_mm) == (
        ConnectionKind.NETWORK, host, port, 80)


@pytest.mark.parametrize(("text", "why"), [
    ("8.8.8.0/24", "lokal"),             # the internet is never scanned
    ("10.0.0.0/16", "terlalu besar"),    # bounded: at most a /24
    ("192.168.1.300/24", "tidak dikenali"),
    ("fd00::/120", "IPv4"),
])
def test_only_small_local_networks_may_be_scanned(text: str, why: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_network(text)
    assert why in str(caught.value)
    assert caught.value.field == "network"


def test_the_default_network_is_a_local_slash_24() -> None:
    network = discovery.own_network()
    assert network.prefixlen == 24
    assert check_network(str(network)) == network


def test_serial_rows_name_the_device_and_its_description() -> None:
    assert serial_row("/dev/ttyUSB0", "USB-Serial CH340").label == "Serial /dev/ttyUSB0 (USB-Serial CH340)"
    assert serial_row("COM3", "n/a").label == "Serial COM3"
    row = serial_row("/dev/rfcomm0", "/dev/rfcomm0")
    assert row.apply_to(PrinterProfile()).serial_device == "/dev/rfcomm0"
    assert row.apply_to(PrinterProfile()).kind is ConnectionKind.SERIAL


def test_local_search_never_fails_and_says_what_is_missing() -> None:
    found = discovery.find_local()  # whatever this PC has: a list, plus notes for missing support
    assert all(isinstance(p, FoundPrinter) for p in found.printers)
    assert all(isinstance(note, str) and note for note in found.notes)


def test_usb_row_keeps_both_ids_in_order() -> None:
    row = FoundPrinter(ConnectionKind.USB, "USB 0416:5011", usb_vendor_id=0x0416, usb_product_id=0x5011)
    profile = row.apply_to(PrinterProfile(kind=ConnectionKind.NETWORK, host="10.0.0.9"))
    assert (profile.kind, profile.usb_vendor_id, profile.usb_product_id, profile.host) == (
        ConnectionKind.USB, 0x0416, 0x5011, "")


def test_udev_rule_is_written_once_into_a_writable_folder(tmp_path: Path) -> None:
    first = udev.install_rule(0x0416, 0x5011, rules_dir=tmp_path)
    again = udev.install_rule(0x0416, 0x5011, rules_dir=tmp_path)
    assert first.installed and again.installed
    lines = (tmp_path / udev.RULE_FILE).read_text().splitlines()
    assert lines == [udev.rule_text(0x0416, 0x5011)]
    assert 'ATTRS{idVendor}=="0416", ATTRS{idProduct}=="5011"' in lines[0]
    assert '"' in lines[0] and "\u201c" not in lines[0]  # plain ASCII quotes only


def test_udev_rule_without_access_gives_the_root_command(tmp_path: Path) -> None:
    result = udev.install_rule(0x0fe6, 0x811e, rules_dir=tmp_path / "tidak-ada")
    assert not result.installed
    assert result.command.startswith("echo ") and "sudo tee -a" in result.command
    assert "0fe6" in result.command and "udevadm control --reload-rules" in result.command
    assert not (tmp_path / "tidak-ada").exists()
