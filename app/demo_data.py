"""Catalog data for the demo shop: a Surabaya toko with sembako, snacks, frozen food, batik, crafts."""

from __future__ import annotations

# (category, colour, [(name, unit, price, cost, weighed)])
CATALOG: list[tuple[str, str, list[tuple[str, str, int, int, bool]]]] = [
    ("Sembako", "#2e7d32", [
        ("Beras Pandan Wangi", "kg", 15500, 13200, True),
        ("Beras Setra Ramos 5 kg", "pcs", 74000, 66500, False),
        ("Gula Pasir Gulaku 1 kg", "pcs", 18500, 16400, False),
        ("Gula Pasir Curah", "kg", 17000, 15000, True),
        ("Minyak Goreng Bimoli 2 L", "pcs", 39500, 35800, False),
        ("Minyak Goreng Sunco 1 L", "pcs", 21000, 18900, False),
        ("Minyak Goreng Curah", "liter", 17500, 15600, True),
        ("Telur Ayam Negeri", "kg", 28000, 25500, True),
        ("Tepung Terigu Segitiga Biru 1 kg", "pcs", 13500, 11800, False),
        ("Kecap Manis Bango 520 ml", "pcs", 24500, 21700, False),
        ("Garam Dapur Refina 250 g", "pcs", 4000, 3100, False),
        ("Mie Instan Indomie Goreng", "pcs", 3500, 2900, False),
        ("Mie Instan Indomie Soto", "pcs", 3300, 2750, False),
        ("Mie Sedaap Goreng", "pcs", 3400, 2800, False),
        ("Teh Celup Sariwangi 25s", "pcs", 7500, 6300, False),
        ("Kopi Kapal Api Special 165 g", "pcs", 14500, 12600, False),
        ("Kopi Kapal Api Mix 10s", "pcs", 15000, 13100, False),
        ("Susu Kental Manis Frisian Flag", "pcs", 12500, 10900, False),
        ("Bawang Merah", "kg", 42000, 36000, True),
        ("Bawang Putih", "kg", 38000, 33000, True),
    ]),
    ("Minuman", "#1565c0", [
        ("Air Mineral Aqua 600 ml", "botol", 3500, 2600, False),
        ("Air Mineral Le Minerale 1,5 L", "botol", 7000, 5500, False),
        ("Teh Botol Sosro 450 ml", "botol", 6000, 4700, False),
        ("Es Teh Manis", "pcs", 5000, 1500, False),
        ("Es Jeruk Peras", "pcs", 8000, 3000, False),
        ("Kopi Susu Gula Aren", "pcs", 15000, 6000, False),
        ("Wedang Jahe Sachet", "pcs", 2500, 1800, False),
    ]),
    ("Camilan", "#ef6c00", [
        ("Keripik Tempe Sanan", "pcs", 12000, 8500, False),
        ("Kerupuk Udang Sidoarjo 250 g", "pcs", 25000, 19000, False),
        ("Almond Crispy Surabaya", "pcs", 65000, 48000, False),
        ("Spikoe Resep Kuno", "pcs", 85000, 62000, False),
        ("Bandeng Asap Sidoarjo", "pcs", 45000, 33000, False),
        ("Rengginang Lorjuk", "pcs", 30000, 21000, False),
        ("Kacang Bawang", "kg", 60000, 44000, True),
        ("Chitato Sapi Panggang 68 g", "pcs", 11500, 9600, False),
        ("Kue Lapis Legit Potong", "pcs", 12000, 7000, False),
        ("Lontong Balap Bungkus", "pcs", 15000, 8000, False),
    ]),
    ("Makanan Beku", "#00838f", [
        ("Nugget Ayam Fiesta 500 g", "pcs", 52000, 45000, False),
        ("Sosis Sapi So Good 375 g", "pcs", 38000, 32500, False),
        ("Bakso Sapi Frozen 50 butir", "pcs", 55000, 43000, False),
        ("Dimsum Ayam isi 10", "pcs", 30000, 20000, False),
        ("Otak-otak Bandeng", "pcs", 28000, 19000, False),
        ("Siomay Ikan Tenggiri", "pcs", 35000, 24000, False),
    ]),
    ("Batik & Kain", "#6a1b9a", [
        ("Batik Tulis Kenjeran Motif Ikan", "lembar", 450000, 300000, False),
        ("Batik Cap Surabaya Suro Boyo", "lembar", 185000, 120000, False),
        ("Kemeja Batik Pria Lengan Pendek", "pcs", 175000, 115000, False),
        ("Kemeja Batik Pria Lengan Panjang", "pcs", 225000, 150000, False),
        ("Selendang Batik Sutra", "pcs", 275000, 180000, False),
        ("Kain Jumputan", "meter", 65000, 42000, True),
    ]),
    ("Kerajinan", "#8d6e63", [
        ("Tas Anyaman Pandan", "pcs", 95000, 55000, False),
        ("Gantungan Kunci Suro Boyo", "pcs", 10000, 4500, False),
        ("Miniatur Tugu Pahlawan", "pcs", 35000, 18000, False),
        ("Tempat Tisu Kayu Jati", "pcs", 60000, 32000, False),
        ("Kipas Bambu Lukis", "pcs", 15000, 7000, False),
        ("Tas Rajut Handmade", "pcs", 120000, 70000, False),
    ]),
    ("Kebutuhan Rumah", "#546e7a", [
        ("Sabun Mandi Lifebuoy 85 g", "pcs", 4500, 3600, False),
        ("Sabun Cuci Rinso 800 g", "pcs", 23500, 20500, False),
        ("Sunlight Jeruk Nipis 755 ml", "pcs", 16500, 14300, False),
        ("Pasta Gigi Pepsodent 190 g", "pcs", 15000, 12800, False),
        ("Shampo Sunsilk Sachet", "pcs", 1000, 750, False),
        ("Tisu Paseo 250 lembar", "pcs", 14000, 11500, False),
        ("Obat Nyamuk Baygon Bakar", "pcs", 6000, 4800, False),
        ("Gas Elpiji 3 kg (isi ulang)", "pcs", 22000, 19000, False),
    ]),
]

VARIANTS = [
    ("Kecil", 0.6), ("Sedang", 1.0), ("Besar", 1.5), ("Jumbo", 2.2),
]
