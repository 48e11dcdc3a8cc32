<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="id">
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Tambah pengguna</source>
        <translation>Add user</translation>
    </message>
    <message>
        <source>mis. Rina</source>
        <translation>e.g. Rina</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kasir</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <source>Pemilik (semua izin)</source>
        <translation>Owner (all permissions)</translation>
    </message>
    <message>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Tambah</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Nama pengguna wajib diisi.</source>
        <translation>Enter the user’s name.</translation>
    </message>
</context>
<context>
    <name>AdjustDialog</name>
    <message>
        <source>Sesuaikan stok</source>
        <translation>Adjust stock</translation>
    </message>
    <message>
        <source>mis. -2 (berkurang) atau 3 (bertambah)</source>
        <translation>e.g. -2 (less) or 3 (more)</translation>
    </message>
    <message>
        <source>Selisih (%s)</source>
        <translation>Difference (%s)</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>%1 — SALINAN dari %2</source>
        <translation>%1 — COPY of %2</translation>
    </message>
</context>
<context>
    <name>AuditLabels</name>
    <message>
        <source>retur/refund</source>
        <translation>return/refund</translation>
    </message>
    <message>
        <source>membatalkan pesanan</source>
        <translation>cancelling an order</translation>
    </message>
    <message>
        <source>diskon di atas batas</source>
        <translation>discount above the limit</translation>
    </message>
    <message>
        <source>mengubah harga jual</source>
        <translation>changing the selling price</translation>
    </message>
    <message>
        <source>konfirmasi pembayaran</source>
        <translation>confirming a payment</translation>
    </message>
    <message>
        <source>penyesuaian stok</source>
        <translation>adjusting stock</translation>
    </message>
    <message>
        <source>mengubah pengaturan</source>
        <translation>changing settings</translation>
    </message>
    <message>
        <source>melihat harga modal</source>
        <translation>seeing cost prices</translation>
    </message>
    <message>
        <source>kas masuk/keluar di atas batas</source>
        <translation>cash in/out above the limit</translation>
    </message>
    <message>
        <source>mengubah rekening bank</source>
        <translation>change a bank account</translation>
    </message>
    <message>
        <source>mengubah QRIS toko</source>
        <translation>change the shop&apos;s QRIS</translation>
    </message>
    <message>
        <source>mengubah printer struk</source>
        <translation>change the receipt printer</translation>
    </message>
    <message>
        <source>mengubah tujuan cadangan</source>
        <translation>change the backup target</translation>
    </message>
    <message>
        <source>memulihkan cadangan toko</source>
        <translation>restore a shop backup</translation>
    </message>
    <message>
        <source>Retur dicatat</source>
        <translation>Return recorded</translation>
    </message>
    <message>
        <source>Pesanan dibatalkan</source>
        <translation>Order cancelled</translation>
    </message>
    <message>
        <source>Pembayaran dikonfirmasi</source>
        <translation>Payment confirmed</translation>
    </message>
    <message>
        <source>PIN salah</source>
        <translation>Wrong PIN</translation>
    </message>
    <message>
        <source>Masuk</source>
        <translation>Logged in</translation>
    </message>
    <message>
        <source>Pengguna ditambah</source>
        <translation>User added</translation>
    </message>
    <message>
        <source>PIN diganti</source>
        <translation>PIN changed</translation>
    </message>
    <message>
        <source>Pengguna diaktifkan</source>
        <translation>User activated</translation>
    </message>
    <message>
        <source>Pengguna dinonaktifkan</source>
        <translation>User deactivated</translation>
    </message>
    <message>
        <source>Izin pengguna diubah</source>
        <translation>User permissions changed</translation>
    </message>
    <message>
        <source>Cadangan dipulihkan</source>
        <translation>Backup restored</translation>
    </message>
    <message>
        <source>Cadangan dibuat</source>
        <translation>Backup made</translation>
    </message>
    <message>
        <source>Rekening bank ditambah</source>
        <translation>Bank account added</translation>
    </message>
    <message>
        <source>Rekening bank dinonaktifkan</source>
        <translation>Bank account deactivated</translation>
    </message>
    <message>
        <source>QRIS toko disimpan</source>
        <translation>Shop QRIS saved</translation>
    </message>
    <message>
        <source>QRIS toko dihapus</source>
        <translation>Shop QRIS removed</translation>
    </message>
    <message>
        <source>Printer struk diubah</source>
        <translation>Receipt printer changed</translation>
    </message>
    <message>
        <source>pesanan</source>
        <translation>order</translation>
    </message>
    <message>
        <source>retur</source>
        <translation>return</translation>
    </message>
    <message>
        <source>jumlah</source>
        <translation>amount</translation>
    </message>
    <message>
        <source>alasan</source>
        <translation>reason</translation>
    </message>
    <message>
        <source>pengguna</source>
        <translation>user</translation>
    </message>
    <message>
        <source>untuk</source>
        <translation>for</translation>
    </message>
    <message>
        <source>izin</source>
        <translation>permissions</translation>
    </message>
    <message>
        <source>peran</source>
        <translation>role</translation>
    </message>
    <message>
        <source>berkas</source>
        <translation>file</translation>
    </message>
    <message>
        <source>hal</source>
        <translation>subject</translation>
    </message>
    <message>
        <source>oleh</source>
        <translation>by</translation>
    </message>
    <message>
        <source>data sebelumnya</source>
        <translation>previous data</translation>
    </message>
    <message>
        <source>masuk</source>
        <translation>logging in</translation>
    </message>
    <message>
        <source>Izin: %1</source>
        <translation>Permission: %1</translation>
    </message>
    <message>
        <source>pemilik</source>
        <translation>owner</translation>
    </message>
    <message>
        <source>kasir</source>
        <translation>cashier</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <source>Log audit</source>
        <translation>Audit log</translation>
    </message>
</context>
<context>
    <name>AuditLogView</name>
    <message>
        <source>Tindakan</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Pengguna</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Dari</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Sampai</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Semua tindakan</source>
        <translation>All actions</translation>
    </message>
    <message>
        <source>Semua pengguna</source>
        <translation>All users</translation>
    </message>
    <message>
        <source>%1 catatan</source>
        <translation>%1 entries</translation>
    </message>
    <message>
        <source> (hanya yang terbaru; persempit filter untuk melihat lebih lama)</source>
        <translation> (newest only; narrow the filter to see older ones)</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Tindakan</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Oleh</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Disetujui</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <source>Rincian</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>BackupScheduler</name>
    <message>
        <source>Cadangan harian gagal: %1</source>
        <translation>Daily backup failed: %1</translation>
    </message>
    <message>
        <source>Salinan cadangan ke folder kedua gagal: %1</source>
        <translation>Backup copy to the second folder failed: %1</translation>
    </message>
    <message>
        <source>Cadangan terenkripsi gagal: %1</source>
        <translation>Encrypted backup failed: %1</translation>
    </message>
</context>
<context>
    <name>BackupTab</name>
    <message>
        <source>Toko dicadangkan otomatis sekali sehari dan setiap aplikasi ditutup. Simpan juga salinan ke flashdisk sesekali. Folder: %1</source>
        <translation>The shop is backed up automatically once a day and every time the app closes. Now and then, also keep a copy on a USB stick. Folder: %1</translation>
    </message>
    <message>
        <source>Cadangkan sekarang</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>Pulihkan cadangan terpilih…</source>
        <translation>Restore selected backup…</translation>
    </message>
    <message>
        <source>Pulihkan dari berkas lain…</source>
        <translation>Restore from another file…</translation>
    </message>
    <message>
        <source>Buka folder</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>Mencadangkan…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>Cadangan dibuat: %1</source>
        <translation>Backup made: %1</translation>
    </message>
    <message>
        <source>Cadangan gagal: %1</source>
        <translation>Backup failed: %1</translation>
    </message>
    <message>
        <source>Pilih dulu cadangan yang mau dipulihkan.</source>
        <translation>First choose the backup to restore.</translation>
    </message>
    <message>
        <source>Pilih berkas cadangan</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <source>Database toko (*.sqlite *.db *.bak);;Semua (*)</source>
        <translation>Shop database (*.sqlite *.db *.bak);;All files (*)</translation>
    </message>
    <message>
        <source>Tidak dipulihkan. %1</source>
        <translation>Not restored. %1</translation>
    </message>
    <message>
        <source>Semua data toko sekarang akan diganti dengan isi cadangan &apos;%1&apos;. Data saat ini dicadangkan dulu. Lanjutkan?</source>
        <translation>All the shop’s data will now be replaced by the backup &apos;%1&apos;. The current data is backed up first. Continue?</translation>
    </message>
    <message>
        <source>Pulihkan cadangan</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <source>Data dipulihkan dari &apos;%1&apos;. Data sebelumnya disimpan sebagai &apos;%2&apos;.</source>
        <translation>Data restored from &apos;%1&apos;. The previous data was saved as &apos;%2&apos;.</translation>
    </message>
</context>
<context>
    <name>BackupsModel</name>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Ukuran</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Berkas</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Harian otomatis</source>
        <translation>Daily (automatic)</translation>
    </message>
    <message>
        <source>Saat aplikasi ditutup</source>
        <translation>When the app closed</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>Sebelum pemulihan</source>
        <translation>Before a restore</translation>
    </message>
</context>
<context>
    <name>BooksPanel</name>
    <message>
        <source>Pos</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Laci masuk</source>
        <translation>Drawer in</translation>
    </message>
    <message>
        <source>Laci keluar</source>
        <translation>Drawer out</translation>
    </message>
    <message>
        <source>Bank masuk</source>
        <translation>Bank in</translation>
    </message>
    <message>
        <source>Bank keluar</source>
        <translation>Bank out</translation>
    </message>
    <message>
        <source>Bersih</source>
        <translation>Net</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Sisa</source>
        <translation>Outstanding</translation>
    </message>
    <message>
        <source>0–7 hari</source>
        <translation>0–7 days</translation>
    </message>
    <message>
        <source>8–30 hari</source>
        <translation>8–30 days</translation>
    </message>
    <message>
        <source>&gt; 30 hari</source>
        <translation>&gt; 30 days</translation>
    </message>
    <message>
        <source>Promo</source>
        <translation>Promo</translation>
    </message>
    <message>
        <source>Baris</source>
        <translation>Lines</translation>
    </message>
    <message>
        <source>Pesanan</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Diskon diberikan</source>
        <translation>Discount given</translation>
    </message>
    <message>
        <source>Laba rugi</source>
        <translation>Profit and loss</translation>
    </message>
    <message>
        <source>Arus kas</source>
        <translation>Cash flow</translation>
    </message>
    <message>
        <source>Piutang (kasbon)</source>
        <translation>Receivables (credit)</translation>
    </message>
    <message>
        <source>Utang pemasok</source>
        <translation>Owed to suppliers</translation>
    </message>
    <message>
        <source>Laba kotor</source>
        <translation>Gross profit</translation>
    </message>
    <message>
        <source>Laba bersih</source>
        <translation>Net profit</translation>
    </message>
    <message>
        <source>Penjualan bersih</source>
        <translation>Net sales</translation>
    </message>
    <message>
        <source>HPP (harga pokok penjualan)</source>
        <translation>COGS (cost of goods sold)</translation>
    </message>
    <message>
        <source>Pembulatan &amp; kode unik</source>
        <translation>Rounding &amp; unique codes</translation>
    </message>
    <message>
        <source>Pendapatan lain: DP hangus (pesanan batal)</source>
        <translation>Other income: kept deposits (cancelled orders)</translation>
    </message>
    <message>
        <source>Biaya: {0}</source>
        <translation>Expense: {0}</translation>
    </message>
</context>
<context>
    <name>BooksSection</name>
    <message>
        <source>Kas masuk/keluar</source>
        <translation>Cash in/out</translation>
    </message>
    <message>
        <source>Pembelian</source>
        <translation>Purchases</translation>
    </message>
    <message>
        <source>Pemasok</source>
        <translation>Suppliers</translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <source>Batalkan pesanan</source>
        <translation>Cancel order</translation>
    </message>
    <message>
        <source>DP yang sudah dibayar: {dp}</source>
        <translation>Deposit already paid: {dp}</translation>
    </message>
    <message>
        <source>Kembalikan DP ke pemesan</source>
        <translation>Refund the deposit to the customer</translation>
    </message>
    <message>
        <source>DP disimpan toko (tidak dikembalikan)</source>
        <translation>The shop keeps the deposit (not refunded)</translation>
    </message>
    <message>
        <source>Kembali</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>CartModel</name>
    <message>
        <source>Produk</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>Harga</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Diskon</source>
        <translation>Discount</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Jumlah harus lebih dari nol.</source>
        <translation>The quantity must be more than zero.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; dijual per {unit}, jumlah harus bulat.</source>
        <translation>&apos;{name}&apos; is sold per {unit}; the quantity must be a whole number.</translation>
    </message>
</context>
<context>
    <name>CashDialog</name>
    <message>
        <source>Kas keluar</source>
        <translation>Cash out</translation>
    </message>
    <message>
        <source>Kas masuk</source>
        <translation>Cash in</translation>
    </message>
    <message>
        <source>Uang diambil dari laci</source>
        <translation>Money taken from the drawer</translation>
    </message>
    <message>
        <source>Uang dimasukkan ke laci</source>
        <translation>Money put into the drawer</translation>
    </message>
    <message>
        <source>mis. 50.000</source>
        <translation>e.g. 50.000</translation>
    </message>
    <message>
        <source>Jumlah (Rp)</source>
        <translation>Amount (Rp)</translation>
    </message>
    <message>
        <source>Untuk</source>
        <translation>For</translation>
    </message>
    <message>
        <source>mis. token listrik 100 rb, bensin antar barang</source>
        <translation>e.g. 100k electricity token, fuel for deliveries</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Foto nota…</source>
        <translation>Receipt photo…</translation>
    </message>
    <message>
        <source>(tidak ada)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Nota</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Belum ada shift yang dibuka: buka shift dulu di Laporan → Shift.</source>
        <translation>No shift is open yet: open a shift first in Reports → Shift.</translation>
    </message>
    <message>
        <source>Dicatat di shift #{0} dan dihitung di Laporan Z.</source>
        <translation>Recorded in shift #{0} and counted in the Z report.</translation>
    </message>
    <message>
        <source>Di atas {0} perlu PIN pemilik.</source>
        <translation>Above {0} the owner&apos;s PIN is needed.</translation>
    </message>
    <message>
        <source>Pilih foto nota</source>
        <translation>Choose a receipt photo</translation>
    </message>
    <message>
        <source>Isi jumlahnya dulu.</source>
        <translation>Enter the amount first.</translation>
    </message>
    <message>
        <source>{0} {1} dicatat.</source>
        <translation>{0} {1} recorded.</translation>
    </message>
</context>
<context>
    <name>CashTab</name>
    <message>
        <source>Kas keluar (F10)</source>
        <translation>Cash out (F10)</translation>
    </message>
    <message>
        <source>Kas masuk (Ctrl+M)</source>
        <translation>Cash in (Ctrl+M)</translation>
    </message>
    <message>
        <source>Hanya shift ini</source>
        <translation>This shift only</translation>
    </message>
    <message>
        <source>Jam</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Untuk</source>
        <translation>For</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Nota</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>ada foto</source>
        <translation>photo attached</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Masuk {0}   ·   Keluar {1}</source>
        <translation>In {0}   ·   Out {1}</translation>
    </message>
    <message>
        <source>Bayar pemasok dari laci {0}   ·   Seharusnya di laci {1}</source>
        <translation>Supplier payments from the drawer {0}   ·   Expected in the drawer {1}</translation>
    </message>
    <message>
        <source>Belum ada kas masuk/keluar. Tekan F10 saat mengambil uang dari laci (listrik, belanja, gaji…), supaya Laporan Z tetap pas.</source>
        <translation>No cash in/out yet. Press F10 when you take money from the drawer (electricity, shopping, wages…) so the Z report still adds up.</translation>
    </message>
</context>
<context>
    <name>ChangePinDialog</name>
    <message>
        <source>Ganti PIN %1</source>
        <translation>Change PIN of %1</translation>
    </message>
    <message>
        <source>Simpan PIN</source>
        <translation>Save PIN</translation>
    </message>
</context>
<context>
    <name>ChannelPicker</name>
    <message>
        <source>Saluran (F3)</source>
        <translation>Channel (F3)</translation>
    </message>
    <message>
        <source>Acara: {name}</source>
        <translation>Event: {name}</translation>
    </message>
    <message>
        <source>Acara baru…</source>
        <translation>New event…</translation>
    </message>
    <message>
        <source>Acara baru</source>
        <translation>New event</translation>
    </message>
    <message>
        <source>Nama acara (mis. Bazar UMKM Balai Kota):</source>
        <translation>Event name (e.g. City Hall UMKM Bazaar):</translation>
    </message>
</context>
<context>
    <name>CloseShiftDialog</name>
    <message>
        <source>Tutup shift #{0}</source>
        <translation>Close shift #{0}</translation>
    </message>
    <message>
        <source>Shift dibuka {0}. Hitung uang di laci per pecahan.</source>
        <translation>Shift opened {0}. Count the money in the drawer per denomination.</translation>
    </message>
    <message>
        <source>Catatan (mis. uang diambil untuk belanja)</source>
        <translation>Note (e.g. cash taken out for shopping)</translation>
    </message>
    <message>
        <source>Tutup shift</source>
        <translation>Close shift</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Uang di laci</source>
        <translation>Cash in the drawer</translation>
    </message>
    <message>
        <source>logam</source>
        <translation>coin</translation>
    </message>
    <message>
        <source>kertas</source>
        <translation>note</translation>
    </message>
    <message>
        <source> keping</source>
        <translation> coins</translation>
    </message>
    <message>
        <source> lembar</source>
        <translation> notes</translation>
    </message>
    <message>
        <source>Ringkasan kas</source>
        <translation>Cash summary</translation>
    </message>
    <message>
        <source>Modal awal</source>
        <translation>Starting cash</translation>
    </message>
    <message>
        <source>Penjualan tunai</source>
        <translation>Cash sales</translation>
    </message>
    <message>
        <source>  termasuk pembulatan</source>
        <translation>  including rounding</translation>
    </message>
    <message>
        <source>Retur tunai</source>
        <translation>Cash refunds</translation>
    </message>
    <message>
        <source>Seharusnya di laci</source>
        <translation>Expected in the drawer</translation>
    </message>
    <message>
        <source>Dihitung</source>
        <translation>Counted</translation>
    </message>
    <message>
        <source>Selisih</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>Pesanan lunas</source>
        <translation>Paid orders</translation>
    </message>
    <message>
        <source>Non-tunai</source>
        <translation>Non-cash</translation>
    </message>
    <message>
        <source>Penjualan kasbon</source>
        <translation>Credit sales</translation>
    </message>
    <message>
        <source>Dibayar dengan DP</source>
        <translation>Paid with deposits</translation>
    </message>
    <message>
        <source>Kode unik transfer</source>
        <translation>Transfer unique codes</translation>
    </message>
    <message>
        <source>Kas masuk</source>
        <translation>Cash in</translation>
    </message>
    <message>
        <source>Kas keluar</source>
        <translation>Cash out</translation>
    </message>
    <message>
        <source>Bayar kasbon tunai</source>
        <translation>Credit paid in cash</translation>
    </message>
    <message>
        <source>DP pesanan tunai</source>
        <translation>Pre-order deposits in cash</translation>
    </message>
    <message>
        <source>Bayar pemasok</source>
        <translation>Paid to suppliers</translation>
    </message>
    <message>
        <source>Rp0 — pas</source>
        <translation>Rp0 — exact</translation>
    </message>
    <message>
        <source>{0} — kurang</source>
        <translation>{0} — short</translation>
    </message>
    <message>
        <source>+{0} — lebih</source>
        <translation>+{0} — over</translation>
    </message>
    <message>
        <source>Shift ditutup.</source>
        <translation>Shift closed.</translation>
    </message>
</context>
<context>
    <name>ConfirmPaymentsPage</name>
    <message>
        <source>Pesanan</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Cara</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Tagihan</source>
        <translation>Amount due</translation>
    </message>
    <message>
        <source>Rekening</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Umur</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Keterangan mutasi</source>
        <translation>Statement description</translation>
    </message>
    <message>
        <source>Untuk pesanan</source>
        <translation>For order</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Konfirmasi semua</source>
        <translation>Confirm all</translation>
    </message>
    <message>
        <source>Konfirmasi terpilih</source>
        <translation>Confirm selected</translation>
    </message>
    <message>
        <source>Hasil impor mutasi</source>
        <translation>Bank statement import result</translation>
    </message>
    <message>
        <source>Konfirmasi pembayaran transfer &amp; QRIS</source>
        <translation>Confirm transfer &amp; QRIS payments</translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Impor mutasi…</source>
        <translation>Import statement…</translation>
    </message>
    <message>
        <source>Menunggu uang masuk</source>
        <translation>Waiting for money to arrive</translation>
    </message>
    <message>
        <source>Konfirmasi manual…</source>
        <translation>Confirm manually…</translation>
    </message>
    <message>
        <source>Usulan cocok (jumlah sama persis dengan satu pesanan):</source>
        <translation>Suggested matches (amount exactly equals one order):</translation>
    </message>
    <message>
        <source>Perlu dicek sendiri:</source>
        <translation>Check these yourself:</translation>
    </message>
    <message>
        <source>Pesanan online kedaluwarsa (reservasi stok berakhir): </source>
        <translation>Online orders expired (stock reservation ended): </translation>
    </message>
    <message>
        <source>Belum dibayar (barang sudah diserahkan)</source>
        <translation>Not paid yet (goods already handed over)</translation>
    </message>
    <message>
        <source>Menunggu bayar, batas %1</source>
        <translation>Awaiting payment, deadline %1</translation>
    </message>
    <message>
        <source>Pilih pembayaran di tabel dulu.</source>
        <translation>First choose a payment in the table.</translation>
    </message>
    <message>
        <source>Izin pemilik</source>
        <translation>Owner’s approval</translation>
    </message>
    <message>
        <source>PIN pemilik untuk konfirmasi pembayaran:</source>
        <translation>Owner PIN to confirm the payment:</translation>
    </message>
    <message>
        <source>Lunas: </source>
        <translation>Paid: </translation>
    </message>
    <message>
        <source>Pembayaran dikonfirmasi: </source>
        <translation>Payment confirmed: </translation>
    </message>
    <message>
        <source>Impor mutasi rekening</source>
        <translation>Import bank statement</translation>
    </message>
    <message>
        <source>Mutasi bank (*.csv *.txt *.xlsx)</source>
        <translation>Bank statement (*.csv *.txt *.xlsx)</translation>
    </message>
    <message>
        <source>Membaca mutasi {0}…</source>
        <translation>Reading statement {0}…</translation>
    </message>
    <message>
        <source>Mutasi tidak bisa dibaca: {0}</source>
        <translation>The statement cannot be read: {0}</translation>
    </message>
    <message>
        <source>Mutasi {0}{1}: {2} baris ({3} baru). {4}</source>
        <translation>Statement {0}{1}: {2} lines ({3} new). {4}</translation>
    </message>
    <message>
        <source>Mutasi terbaca: {0} usulan cocok.</source>
        <translation>Statement read: {0} suggested matches.</translation>
    </message>
    <message>
        <source>Konfirmasi semua ({0})</source>
        <translation>Confirm all ({0})</translation>
    </message>
    <message>
        <source>Ambigu</source>
        <translation>Ambiguous</translation>
    </message>
    <message>
        <source>Tidak cocok</source>
        <translation>No match</translation>
    </message>
    <message>
        <source>tidak ada pesanan terbuka dengan jumlah ini</source>
        <translation>no open order has this amount</translation>
    </message>
    <message>
        <source>PEND</source>
        <translation>PEND</translation>
    </message>
    <message>
        <source>menunggu bank; impor lagi nanti</source>
        <translation>waiting for the bank; import again later</translation>
    </message>
    <message>
        <source>Pilih usulan di tabel dulu.</source>
        <translation>First choose a suggestion in the table.</translation>
    </message>
</context>
<context>
    <name>CustomerBar</name>
    <message>
        <source>Pelanggan: –  (F11 pilih)</source>
        <translation>Customer: –  (F11 to choose)</translation>
    </message>
    <message>
        <source>Pelanggan: {name}</source>
        <translation>Customer: {name}</translation>
    </message>
    <message>
        <source>kasbon {amount}</source>
        <translation>credit {amount}</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <source>Ubah pelanggan</source>
        <translation>Edit customer</translation>
    </message>
    <message>
        <source>Pelanggan baru</source>
        <translation>New customer</translation>
    </message>
</context>
<context>
    <name>CustomerFields</name>
    <message>
        <source>kosong = umum; mis. reseller</source>
        <translation>empty = general; e.g. reseller</translation>
    </message>
    <message>
        <source>kosong = batas toko</source>
        <translation>empty = the shop&apos;s limit</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>No. HP / WA</source>
        <translation>Mobile / WhatsApp</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Grup harga</source>
        <translation>Price group</translation>
    </message>
    <message>
        <source>Batas kasbon (Rp)</source>
        <translation>Credit limit (Rp)</translation>
    </message>
    <message>
        <source>Batas kasbon: {error}</source>
        <translation>Credit limit: {error}</translation>
    </message>
</context>
<context>
    <name>CustomerPage</name>
    <message>
        <source>Pilih pelanggan di daftar</source>
        <translation>Choose a customer in the list</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Tambah</source>
        <translation>Charged</translation>
    </message>
    <message>
        <source>Kurang</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Saldo</source>
        <translation>Balance</translation>
    </message>
    <message>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Kasbon</source>
        <translation>Credit</translation>
    </message>
    <message>
        <source>Riwayat belanja</source>
        <translation>Purchase history</translation>
    </message>
    <message>
        <source>Sisa kasbon</source>
        <translation>Credit owed</translation>
    </message>
    <message>
        <source>Batas</source>
        <translation>Limit</translation>
    </message>
    <message>
        <source>Menunggu konfirmasi</source>
        <translation>Awaiting confirmation</translation>
    </message>
    <message>
        <source>0–7 hari</source>
        <translation>0–7 days</translation>
    </message>
    <message>
        <source>8–30 hari</source>
        <translation>8–30 days</translation>
    </message>
    <message>
        <source>&gt; 30 hari</source>
        <translation>&gt; 30 days</translation>
    </message>
    <message>
        <source>Terima pembayaran (F5)</source>
        <translation>Take payment (F5)</translation>
    </message>
    <message>
        <source>Kirim tagihan WA (F6)</source>
        <translation>Send bill by WhatsApp (F6)</translation>
    </message>
    <message>
        <source>Cetak/Simpan PDF (F7)</source>
        <translation>Print/Save PDF (F7)</translation>
    </message>
    <message>
        <source>Ubah (F8)</source>
        <translation>Edit (F8)</translation>
    </message>
    <message>
        <source>Gabungkan… (F9)</source>
        <translation>Merge… (F9)</translation>
    </message>
    <message>
        <source>Konfirmasi uang masuk (F10)</source>
        <translation>Confirm money received (F10)</translation>
    </message>
    <message>
        <source>tanpa no. HP</source>
        <translation>no mobile number</translation>
    </message>
    <message>
        <source>umum</source>
        <translation>general</translation>
    </message>
    <message>
        <source>Tidak ada pembayaran yang menunggu konfirmasi.</source>
        <translation>No payment is awaiting confirmation.</translation>
    </message>
    <message>
        <source>Uang {amount} ({method}) dari {name} sudah masuk?</source>
        <translation>Has the {amount} ({method}) from {name} come in?</translation>
    </message>
    <message>
        <source>Konfirmasi uang masuk</source>
        <translation>Confirm money received</translation>
    </message>
    <message>
        <source>Simpan tagihan kasbon</source>
        <translation>Save the credit bill</translation>
    </message>
    <message>
        <source>Gabungkan pelanggan dobel ke {name}</source>
        <translation>Merge a duplicate customer into {name}</translation>
    </message>
    <message>
        <source>Gabungkan {other} ke {name}? Belanja dan kasbonnya pindah ke {name}.</source>
        <translation>Merge {other} into {name}? Their purchases and credit move to {name}.</translation>
    </message>
    <message>
        <source>Gabungkan pelanggan</source>
        <translation>Merge customers</translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <source>Pilih pelanggan</source>
        <translation>Choose customer</translation>
    </message>
    <message>
        <source>Pilih pelanggan untuk penjualan ini (kasbon perlu pelanggan)</source>
        <translation>Choose the customer for this sale (credit needs a customer)</translation>
    </message>
    <message>
        <source>Ketik no. HP atau nama pelanggan…</source>
        <translation>Type the customer&apos;s mobile number or name…</translation>
    </message>
    <message>
        <source>Pelanggan baru</source>
        <translation>New customer</translation>
    </message>
    <message>
        <source>Enter: pilih/simpan  ·  ↑/↓: pilih  ·  F2: pelanggan baru  ·  F9: tanpa pelanggan  ·  Esc: kembali</source>
        <translation>Enter: choose/save  ·  ↑/↓: select  ·  F2: new customer  ·  F9: no customer  ·  Esc: back</translation>
    </message>
    <message>
        <source>Pelanggan baru (F2)</source>
        <translation>New customer (F2)</translation>
    </message>
    <message>
        <source>Tanpa pelanggan (F9)</source>
        <translation>No customer (F9)</translation>
    </message>
    <message>
        <source>kasbon {amount}</source>
        <translation>credit {amount}</translation>
    </message>
</context>
<context>
    <name>CustomersSection</name>
    <message>
        <source>Cari no. HP atau nama… (Ctrl+F)</source>
        <translation>Search mobile number or name… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Hanya kasbon terlambat (&gt; 7 hari)</source>
        <translation>Only overdue credit (&gt; 7 days)</translation>
    </message>
    <message>
        <source>Pelanggan baru (Ctrl+N)</source>
        <translation>New customer (Ctrl+N)</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>No. HP</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>Kasbon</source>
        <translation>Credit</translation>
    </message>
    <message>
        <source>0–7 hr</source>
        <translation>0–7 d</translation>
    </message>
    <message>
        <source>8–30 hr</source>
        <translation>8–30 d</translation>
    </message>
    <message>
        <source>&gt; 30 hr</source>
        <translation>&gt; 30 d</translation>
    </message>
</context>
<context>
    <name>DiscountDialog</name>
    <message>
        <source>Diskon</source>
        <translation>Discount</translation>
    </message>
    <message>
        <source>Simpan (Enter)</source>
        <translation>Save (Enter)</translation>
    </message>
    <message>
        <source>mis. 2.000 atau 10%</source>
        <translation>e.g. 2.000 or 10%</translation>
    </message>
    <message>
        <source>Tulis rupiah (2.000) atau persen (10%). Kosongkan untuk tanpa diskon.</source>
        <translation>Type rupiah (2.000) or a percentage (10%). Leave empty for no discount.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Selamat datang di PEKEN Kasir</source>
        <translation>Welcome to PEKEN Kasir</translation>
    </message>
    <message>
        <source>Pulihkan toko…</source>
        <translation>Restore shop…</translation>
    </message>
    <message>
        <source>&amp;Lewati</source>
        <translation>&amp;Skip</translation>
    </message>
    <message>
        <source>Lanjut</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Langkah %1 dari %2 · %3</source>
        <translation>Step %1 of %2 · %3</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>Menghubungi server PEKEN…</source>
        <translation>Contacting the PEKEN server…</translation>
    </message>
</context>
<context>
    <name>HeldDialog</name>
    <message>
        <source>Keranjang ditahan</source>
        <translation>Held carts</translation>
    </message>
    <message>
        <source>Pembeli</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Baris</source>
        <translation>Lines</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Ditahan</source>
        <translation>Held at</translation>
    </message>
    <message>
        <source>Tidak ada keranjang yang ditahan.</source>
        <translation>No carts on hold.</translation>
    </message>
    <message>
        <source>Enter: lanjutkan  ·  Del: buang  ·  Esc: tutup</source>
        <translation>Enter: resume  ·  Del: discard  ·  Esc: close</translation>
    </message>
    <message>
        <source>Buang keranjang &apos;{label}&apos; ({amount})? Ini tidak bisa dibatalkan.</source>
        <translation>Discard the cart &apos;{label}&apos; ({amount})? This cannot be undone.</translation>
    </message>
    <message>
        <source>Buang keranjang</source>
        <translation>Discard cart</translation>
    </message>
</context>
<context>
    <name>HelpOverlay</name>
    <message>
        <source>Pindai / Enter</source>
        <translation>Scan / Enter</translation>
    </message>
    <message>
        <source>Tambah produk dari barcode, SKU atau hasil cari</source>
        <translation>Add a product by barcode, SKU or search result</translation>
    </message>
    <message>
        <source>3*  lalu pindai</source>
        <translation>3*  then scan</translation>
    </message>
    <message>
        <source>Tambah dengan jumlah 3 (2,5* untuk berat)</source>
        <translation>Add with quantity 3 (2,5* for a weight)</translation>
    </message>
    <message>
        <source>Pilih hasil cari atau baris keranjang</source>
        <translation>Choose a search result or cart line</translation>
    </message>
    <message>
        <source>Tambah / kurangi jumlah baris terpilih</source>
        <translation>Raise / lower the selected line’s quantity</translation>
    </message>
    <message>
        <source>Bantuan ini</source>
        <translation>This help</translation>
    </message>
    <message>
        <source>Cari produk (ke kolom pindai)</source>
        <translation>Search products (go to the scan field)</translation>
    </message>
    <message>
        <source>Ganti saluran: Toko / acara</source>
        <translation>Switch channel: Shop / event</translation>
    </message>
    <message>
        <source>Ubah jumlah baris terpilih</source>
        <translation>Change the selected line’s quantity</translation>
    </message>
    <message>
        <source>Diskon baris terpilih (Rp atau %)</source>
        <translation>Discount on the selected line (Rp or %)</translation>
    </message>
    <message>
        <source>Diskon pesanan (Rp atau %)</source>
        <translation>Order discount (Rp or %)</translation>
    </message>
    <message>
        <source>Catatan pesanan</source>
        <translation>Order note</translation>
    </message>
    <message>
        <source>Tahan keranjang (layani pembeli lain)</source>
        <translation>Hold the cart (serve another customer)</translation>
    </message>
    <message>
        <source>Daftar keranjang ditahan</source>
        <translation>List of held carts</translation>
    </message>
    <message>
        <source>Kas keluar: uang diambil dari laci</source>
        <translation>Cash out: money taken from the drawer</translation>
    </message>
    <message>
        <source>Pilih pelanggan (untuk kasbon)</source>
        <translation>Choose a customer (for credit)</translation>
    </message>
    <message>
        <source>Bayar</source>
        <translation>Pay</translation>
    </message>
    <message>
        <source>Hapus baris terpilih</source>
        <translation>Remove the selected line</translation>
    </message>
    <message>
        <source>Batalkan tambahan terakhir</source>
        <translation>Undo the last add</translation>
    </message>
    <message>
        <source>Kosongkan keranjang (dengan konfirmasi)</source>
        <translation>Clear the cart (asks first)</translation>
    </message>
    <message>
        <source>Pindah bagian (Kasir, Produk, Pesanan, …)</source>
        <translation>Switch section (Checkout, Products, Orders, …)</translation>
    </message>
    <message>
        <source>Tombol di layar Kasir</source>
        <translation>Keys on the Checkout screen</translation>
    </message>
    <message>
        <source>Tekan tombol apa saja untuk menutup</source>
        <translation>Press any key to close</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Riwayat stok</source>
        <translation>Stock history</translation>
    </message>
</context>
<context>
    <name>HitsModel</name>
    <message>
        <source>Produk</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Harga</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Stok</source>
        <translation>Stock</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Impor produk dari CSV / Excel</source>
        <translation>Import products from CSV / Excel</translation>
    </message>
    <message>
        <source>Belum ada berkas. Kolom yang dikenali: Nama Produk, Harga Jual, Harga Pokok, SKU, Barcode, Kategori, Satuan, Stok, Stok Minimum, Dijual per Berat, Terbit PEKEN.</source>
        <translation>No file yet. Recognised columns: Nama Produk, Harga Jual, Harga Pokok, SKU, Barcode, Kategori, Satuan, Stok, Stok Minimum, Dijual per Berat, Terbit PEKEN.</translation>
    </message>
    <message>
        <source>Pilih berkas…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Kolom di berkas</source>
        <translation>Column in the file</translation>
    </message>
    <message>
        <source>Contoh isi</source>
        <translation>Sample content</translation>
    </message>
    <message>
        <source>Dipakai sebagai</source>
        <translation>Used as</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Impor</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Pilih berkas produk</source>
        <translation>Choose a product file</translation>
    </message>
    <message>
        <source>Tabel (*.csv *.xlsx *.txt)</source>
        <translation>Spreadsheet (*.csv *.xlsx *.txt)</translation>
    </message>
    <message>
        <source>(abaikan)</source>
        <translation>(ignore)</translation>
    </message>
    <message>
        <source>Selesai: %d produk baru, %d diperbarui.</source>
        <translation>Done: %d new products, %d updated.</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Dibatalkan: tidak ada yang disimpan.</source>
        <translation>Cancelled: nothing was saved.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <source>Nama Produk</source>
        <translation>Product name</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Satuan</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Dijual per Berat</source>
        <translation>Sold by weight</translation>
    </message>
    <message>
        <source>Harga Jual</source>
        <translation>Selling price</translation>
    </message>
    <message>
        <source>Harga Pokok</source>
        <translation>Cost price</translation>
    </message>
    <message>
        <source>Stok</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>Stok Minimum</source>
        <translation>Minimum stock</translation>
    </message>
    <message>
        <source>Terbit PEKEN</source>
        <translation>Published on PEKEN</translation>
    </message>
    <message>
        <source>Diarsipkan</source>
        <translation>Archived</translation>
    </message>
    <message>
        <source>Kemasan</source>
        <translation>Packs</translation>
    </message>
    <message>
        <source>Barcode Kemasan</source>
        <translation>Pack barcodes</translation>
    </message>
    <message>
        <source>Harga Grosir</source>
        <translation>Wholesale prices</translation>
    </message>
    <message>
        <source>Induk</source>
        <translation>Parent</translation>
    </message>
    <message>
        <source>Opsi</source>
        <translation>Options</translation>
    </message>
    <message>
        <source>Baris</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Diperbarui</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>Baru</source>
        <translation>New</translation>
    </message>
</context>
<context>
    <name>KasbonPaymentDialog</name>
    <message>
        <source>Terima pembayaran kasbon · {name}</source>
        <translation>Take a credit payment · {name}</translation>
    </message>
    <message>
        <source>Sisa kasbon: {amount}</source>
        <translation>Credit owed: {amount}</translation>
    </message>
    <message>
        <source>Jumlah dibayar (Rp)</source>
        <translation>Amount paid (Rp)</translation>
    </message>
    <message>
        <source>Enter: terima  ·  F1 tunai · F2 transfer · F3 QRIS  ·  Esc: kembali</source>
        <translation>Enter: take  ·  F1 cash · F2 transfer · F3 QRIS  ·  Esc: back</translation>
    </message>
    <message>
        <source>Isi jumlah yang dibayar.</source>
        <translation>Enter the amount paid.</translation>
    </message>
</context>
<context>
    <name>LabelDialog</name>
    <message>
        <source>Cetak label barcode</source>
        <translation>Print barcode labels</translation>
    </message>
    <message>
        <source>mulai label ke-</source>
        <translation>start at label no.</translation>
    </message>
    <message>
        <source>Simpan PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Ubah &apos;Jumlah label&apos; untuk tiap produk (0 = tidak dicetak).</source>
        <translation>Change &apos;Labels&apos; for each product (0 = not printed).</translation>
    </message>
    <message>
        <source>Label disimpan ke %s</source>
        <translation>Labels saved to %s</translation>
    </message>
    <message>
        <source>Simpan label</source>
        <translation>Save labels</translation>
    </message>
    <message>
        <source>Tahan keranjang</source>
        <translation>Hold cart</translation>
    </message>
    <message>
        <source>Tahan keranjang ini untuk melayani pembeli lain.</source>
        <translation>Hold this cart to serve another customer.</translation>
    </message>
    <message>
        <source>Tahan (Enter)</source>
        <translation>Hold (Enter)</translation>
    </message>
    <message>
        <source>Ciri pembeli, boleh kosong (mis. Ibu kerudung hijau)</source>
        <translation>What the customer looks like, optional (e.g. lady in green headscarf)</translation>
    </message>
    <message>
        <source>Nama/ciri</source>
        <translation>Name/looks</translation>
    </message>
</context>
<context>
    <name>LabelModel</name>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Harga</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Jumlah label</source>
        <translation>Labels</translation>
    </message>
</context>
<context>
    <name>LanguageTab</name>
    <message>
        <source>Bahasa baru dipakai setelah aplikasi dibuka ulang.</source>
        <translation>The new language is used after the app is restarted.</translation>
    </message>
    <message>
        <source>Simpan bahasa</source>
        <translation>Save language</translation>
    </message>
    <message>
        <source>Bahasa tampilan</source>
        <translation>Display language</translation>
    </message>
    <message>
        <source>Bahasa struk dan laporan (PDF, CSV, Excel)</source>
        <translation>Receipt and report language (PDF, CSV, Excel)</translation>
    </message>
    <message>
        <source>Tersimpan. Struk dan laporan memakai bahasanya mulai cetakan berikut; buka ulang aplikasi untuk mengganti bahasa tampilan.</source>
        <translation>Saved. Receipts and reports use their language from the next print; restart the app to change the display language.</translation>
    </message>
</context>
<context>
    <name>Lock</name>
    <message>
        <source>Layar dikunci</source>
        <translation>Screen locked</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Layar terkunci</source>
        <translation>Screen is locked</translation>
    </message>
    <message>
        <source>Masuk ke PEKEN Kasir</source>
        <translation>Log in to PEKEN Kasir</translation>
    </message>
    <message>
        <source> (pemilik)</source>
        <translation> (owner)</translation>
    </message>
    <message>
        <source> (kasir)</source>
        <translation> (cashier)</translation>
    </message>
    <message>
        <source>Pengguna</source>
        <translation>User</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Buka kunci</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Masuk</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Layar dikunci oleh %1. Masukkan PIN untuk melanjutkan.</source>
        <translation>Screen locked by %1. Enter a PIN to continue.</translation>
    </message>
    <message>
        <source>Pilih nama Anda dan masukkan PIN.</source>
        <translation>Choose your name and enter your PIN.</translation>
    </message>
    <message>
        <source>Belum ada pengguna aktif.</source>
        <translation>There are no active users yet.</translation>
    </message>
</context>
<context>
    <name>LowStockDialog</name>
    <message>
        <source>Stok menipis</source>
        <translation>Low stock</translation>
    </message>
    <message>
        <source>Terima barang…</source>
        <translation>Receive goods…</translation>
    </message>
    <message>
        <source>%d produk di bawah atau sama dengan stok minimum.</source>
        <translation>%d products at or below their minimum stock.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Kasir</source>
        <translation>Checkout</translation>
    </message>
    <message>
        <source>Produk &amp; Stok</source>
        <translation>Products &amp; Stock</translation>
    </message>
    <message>
        <source>Pesanan</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Pelanggan</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>Buku Kas</source>
        <translation>Cash Book</translation>
    </message>
    <message>
        <source>Laporan</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Bagian ini gagal dimuat. Data Anda aman; hubungi pendamping PEKEN.</source>
        <translation>This section failed to load. Your data is safe; contact your PEKEN mentor.</translation>
    </message>
    <message>
        <source>Keranjang belum dibayar</source>
        <translation>Unpaid cart</translation>
    </message>
    <message>
        <source>Ada keranjang yang belum dibayar ({count} baris, {amount}). Apa yang dilakukan dengan keranjang ini?</source>
        <translation>There is an unpaid cart ({count} lines, {amount}). What should happen to it?</translation>
    </message>
    <message>
        <source>Tahan: masuk daftar F9. Simpan: muncul lagi saat aplikasi dibuka. Batal: kembali ke kasir.</source>
        <translation>Hold: goes to the F9 list. Save: comes back when the app opens. Cancel: back to the till.</translation>
    </message>
    <message>
        <source>Tahan</source>
        <translation>Hold</translation>
    </message>
    <message>
        <source>Simpan untuk nanti</source>
        <translation>Save for later</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ManualConfirmDialog</name>
    <message>
        <source>Konfirmasi pembayaran {0}</source>
        <translation>Confirm payment {0}</translation>
    </message>
    <message>
        <source>mis. nama pengirim / no. referensi bank</source>
        <translation>e.g. sender’s name / bank reference no.</translation>
    </message>
    <message>
        <source>Tagihan: {0} ({1})</source>
        <translation>Amount due: {0} ({1})</translation>
    </message>
    <message>
        <source>Uang masuk</source>
        <translation>Amount received</translation>
    </message>
    <message>
        <source>Tanggal masuk</source>
        <translation>Date received</translation>
    </message>
    <message>
        <source>Referensi</source>
        <translation>Reference</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Tidak bisa</source>
        <translation>Cannot do that</translation>
    </message>
    <message>
        <source>Terjadi kesalahan tak terduga: %1. Data Anda aman.</source>
        <translation>An unexpected error occurred: %1. Your data is safe.</translation>
    </message>
</context>
<context>
    <name>OffsiteBox</name>
    <message>
        <source>Cadangan terenkripsi di luar komputer ini</source>
        <translation>Encrypted backup outside this computer</translation>
    </message>
    <message>
        <source>Simpan juga di server PEKEN (untuk toko terdaftar)</source>
        <translation>Also keep it on the PEKEN server (for registered shops)</translation>
    </message>
    <message>
        <source>Siapkan frasa pemulihan…</source>
        <translation>Set up recovery phrase…</translation>
    </message>
    <message>
        <source>Pilih folder terenkripsi…</source>
        <translation>Choose folder for encrypted backups…</translation>
    </message>
    <message>
        <source>Cadangkan terenkripsi sekarang</source>
        <translation>Back up encrypted now</translation>
    </message>
    <message>
        <source>Pulihkan toko…</source>
        <translation>Restore shop…</translation>
    </message>
    <message>
        <source>Frasa pemulihan belum disiapkan: belum ada cadangan terenkripsi.</source>
        <translation>No recovery phrase set up yet: no encrypted backups.</translation>
    </message>
    <message>
        <source>Frasa pemulihan sudah disiapkan. Folder: %1</source>
        <translation>Recovery phrase is set up. Folder: %1</translation>
    </message>
    <message>
        <source>(belum dipilih)</source>
        <translation>(not chosen yet)</translation>
    </message>
    <message>
        <source>Frasa pemulihan baru</source>
        <translation>New recovery phrase</translation>
    </message>
    <message>
        <source>Cadangan terenkripsi yang lama tetap perlu frasa lama. Buat frasa baru?</source>
        <translation>Older encrypted backups still need the old phrase. Make a new phrase?</translation>
    </message>
    <message>
        <source>Frasa pemulihan tidak disimpan.</source>
        <translation>Recovery phrase not saved.</translation>
    </message>
    <message>
        <source>Frasa pemulihan disiapkan. Pilih folder cadangan terenkripsi.</source>
        <translation>Recovery phrase set up. Choose the folder for encrypted backups.</translation>
    </message>
    <message>
        <source>Pilih folder cadangan terenkripsi</source>
        <translation>Choose the folder for encrypted backups</translation>
    </message>
    <message>
        <source>Membuat cadangan terenkripsi…</source>
        <translation>Making an encrypted backup…</translation>
    </message>
    <message>
        <source>Cadangan terenkripsi dibuat: %1</source>
        <translation>Encrypted backup made: %1</translation>
    </message>
    <message>
        <source>Cadangan terenkripsi gagal: %1</source>
        <translation>Encrypted backup failed: %1</translation>
    </message>
    <message>
        <source>server PEKEN</source>
        <translation>PEKEN server</translation>
    </message>
    <message>
        <source>Semua data toko di komputer ini akan diganti dengan isi cadangan &apos;%1&apos;. Data saat ini dicadangkan dulu. Lanjutkan?</source>
        <translation>All the shop’s data on this computer will be replaced by the backup &apos;%1&apos;. The current data is backed up first. Continue?</translation>
    </message>
    <message>
        <source>Pulihkan toko</source>
        <translation>Restore shop</translation>
    </message>
    <message>
        <source>Tidak dipulihkan. %1</source>
        <translation>Not restored. %1</translation>
    </message>
    <message>
        <source>Dipulihkan, tetapi sambungan PEKEN belum pulih: %1</source>
        <translation>Restored, but the PEKEN connection is not back yet: %1</translation>
    </message>
    <message>
        <source>Daftarkan ulang ke PEKEN</source>
        <translation>Register with PEKEN again</translation>
    </message>
    <message>
        <source>Toko ini terdaftar di PEKEN. Masukkan kode pendaftaran baru dari admin PEKEN untuk komputer ini (kosongkan untuk nanti, di Pengaturan → PEKEN):</source>
        <translation>This shop is registered with PEKEN. Enter a new registration code from the PEKEN admin for this computer (leave empty to do it later in Settings → PEKEN):</translation>
    </message>
</context>
<context>
    <name>OnlineOrdersWidget</name>
    <message>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Pembeli</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <source>HP</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Tagihan</source>
        <translation>Amount due</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Terima</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>Tolak…</source>
        <translation>Reject…</translation>
    </message>
    <message>
        <source>Konfirmasi bayar</source>
        <translation>Confirm payment</translation>
    </message>
    <message>
        <source>Selesai (barang diambil)</source>
        <translation>Done (goods collected)</translation>
    </message>
    <message>
        <source>Daftar ambil</source>
        <translation>Pick list</translation>
    </message>
    <message>
        <source>Pesanan online PEKEN</source>
        <translation>PEKEN online orders</translation>
    </message>
    <message>
        <source>%1 baru</source>
        <translation>%1 new</translation>
    </message>
    <message>
        <source>Pesanan diterima.</source>
        <translation>Order accepted.</translation>
    </message>
    <message>
        <source>Tolak pesanan</source>
        <translation>Reject order</translation>
    </message>
    <message>
        <source>Alasan (dibaca pembeli):</source>
        <translation>Reason (the buyer will read it):</translation>
    </message>
    <message>
        <source>Pesanan ditolak.</source>
        <translation>Order rejected.</translation>
    </message>
    <message>
        <source>Pembayaran dikonfirmasi.</source>
        <translation>Payment confirmed.</translation>
    </message>
    <message>
        <source>Pesanan selesai.</source>
        <translation>Order completed.</translation>
    </message>
</context>
<context>
    <name>OpenShiftDialog</name>
    <message>
        <source>Buka shift</source>
        <translation>Open shift</translation>
    </message>
    <message>
        <source>Hitung uang di laci sebelum mulai berjualan.</source>
        <translation>Count the cash in the drawer before you start selling.</translation>
    </message>
    <message>
        <source>mis. 200.000</source>
        <translation>e.g. 200.000</translation>
    </message>
    <message>
        <source>Modal awal (Rp)</source>
        <translation>Starting cash (Rp)</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Shift dibuka.</source>
        <translation>Shift opened.</translation>
    </message>
</context>
<context>
    <name>OrderDetailPanel</name>
    <message>
        <source>Pilih pesanan di daftar untuk melihat rinciannya.</source>
        <translation>Choose an order in the list to see its details.</translation>
    </message>
    <message>
        <source>Barang</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>Harga</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Diskon</source>
        <translation>Discount</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Diretur</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>Pembayaran</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <comment>amount of money</comment>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Referensi</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Belum dibayar · %1</source>
        <translation>Not paid · %1</translation>
    </message>
    <message>
        <source>Kasir: %1</source>
        <translation>Cashier: %1</translation>
    </message>
    <message>
        <source>Retur dari %1</source>
        <translation>Return of %1</translation>
    </message>
    <message>
        <source>Subtotal %1 · Diskon %2</source>
        <translation>Subtotal %1 · Discount %2</translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation>Total %1</translation>
    </message>
    <message>
        <source>Pembulatan %1 · dibayar %2</source>
        <translation>Rounding %1 · paid %2</translation>
    </message>
    <message>
        <source>termasuk PPN %1</source>
        <translation>incl. VAT (PPN) %1</translation>
    </message>
    <message>
        <source>Alasan: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <source>Catatan: %1</source>
        <translation>Note: %1</translation>
    </message>
    <message>
        <source>Retur %1 (%2): %3 — %4</source>
        <translation>Return %1 (%2): %3 — %4</translation>
    </message>
</context>
<context>
    <name>OrderLabels</name>
    <message>
        <source>Semua status</source>
        <translation>All statuses</translation>
    </message>
</context>
<context>
    <name>OrdersModel</name>
    <message>
        <source>No. pesanan</source>
        <translation>Order no.</translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Pembayaran</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>Saluran</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Kasir</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <source>%1 · ada retur</source>
        <translation>%1 · has returns</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <source>Hari ini</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Kemarin</source>
        <translation>Yesterday</translation>
    </message>
    <message>
        <source>7 hari terakhir</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>30 hari terakhir</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>Semua waktu</source>
        <translation>All time</translation>
    </message>
    <message>
        <source>Rentang tanggal…</source>
        <translation>Date range…</translation>
    </message>
    <message>
        <source>Semua pembayaran</source>
        <translation>All payment methods</translation>
    </message>
    <message>
        <source>Cari nomor pesanan, mis. 0042</source>
        <translation>Search order number, e.g. 0042</translation>
    </message>
    <message>
        <source>Semua saluran</source>
        <translation>All channels</translation>
    </message>
    <message>
        <source>Retur / refund…</source>
        <translation>Return / refund…</translation>
    </message>
    <message>
        <source>Batalkan pesanan…</source>
        <translation>Cancel order…</translation>
    </message>
    <message>
        <source>Cetak ulang</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <source>Lebih dari %1 pesanan</source>
        <translation>More than %1 orders</translation>
    </message>
    <message>
        <source>%1 pesanan</source>
        <translation>%1 orders</translation>
    </message>
    <message>
        <source>Retur %1 disimpan.</source>
        <translation>Return %1 saved.</translation>
    </message>
    <message>
        <source>Nota retur dicetak.</source>
        <translation>Refund slip printed.</translation>
    </message>
    <message>
        <source>Batalkan pesanan</source>
        <translation>Cancel order</translation>
    </message>
    <message>
        <source>Alasan membatalkan %1:</source>
        <translation>Reason for cancelling %1:</translation>
    </message>
    <message>
        <source>Tulis alasan pembatalan.</source>
        <translation>Type the reason for cancelling.</translation>
    </message>
    <message>
        <source>Printer belum siap. Buka ulang aplikasi.</source>
        <translation>The printer is not ready. Restart the app.</translation>
    </message>
</context>
<context>
    <name>OrdersSection</name>
    <message>
        <source>Semua pesanan</source>
        <translation>All orders</translation>
    </message>
    <message>
        <source>Konfirmasi pembayaran</source>
        <translation>Confirm payments</translation>
    </message>
    <message>
        <source>PEKEN Online</source>
        <translation>PEKEN Online</translation>
    </message>
    <message>
        <source>Pre-order</source>
        <translation>Pre-orders</translation>
    </message>
</context>
<context>
    <name>OwnerPage</name>
    <message>
        <source>Pemilik boleh semua: rekening, QRIS, printer, retur dan pengaturan. Kasir nanti ditambah di Pengaturan → Pengguna.</source>
        <translation>The owner may do everything: bank accounts, QRIS, printer, returns and settings. Add cashiers later in Settings → Users.</translation>
    </message>
    <message>
        <source>nama Anda</source>
        <translation>your name</translation>
    </message>
    <message>
        <source>4–8 angka</source>
        <translation>4–8 digits</translation>
    </message>
    <message>
        <source>ketik lagi</source>
        <translation>type it again</translation>
    </message>
    <message>
        <source>Nama pemilik</source>
        <translation>Owner’s name</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Ulangi PIN</source>
        <translation>Repeat PIN</translation>
    </message>
    <message>
        <source>Tanpa pemilik, siapa pun yang membuka program ini bisa melakukan semuanya.</source>
        <translation>Without an owner, anyone who opens this program can do everything.</translation>
    </message>
    <message>
        <source>Pemilik dan PIN</source>
        <translation>Owner and PIN</translation>
    </message>
</context>
<context>
    <name>OwnerPinDialog</name>
    <message>
        <source>Perlu persetujuan pemilik</source>
        <translation>Owner approval needed</translation>
    </message>
    <message>
        <source>%1 tidak punya izin untuk %2.</source>
        <translation>%1 has no permission for %2.</translation>
    </message>
    <message>
        <source>Pengguna</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Minta pemilik toko memasukkan PIN-nya untuk menyetujui.</source>
        <translation>Ask the shop owner to enter their PIN to approve.</translation>
    </message>
    <message>
        <source>Pemilik</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>PIN pemilik</source>
        <translation>Owner PIN</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Setujui</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PacksPart</name>
    <message>
        <source>Stok tetap dihitung dalam satuan dasar; kemasan (dus = 40 pcs) dijual, diterima dan dihitung dalam isi satuannya. Harga grosir: kemasan kosong = satuan dasar, grup kosong = semua pembeli (atau mis. reseller).</source>
        <translation>Stock is still counted in the base unit; packs (box = 40 pcs) are sold, received and counted as the units they hold. Wholesale prices: empty pack = base unit, empty group = all buyers (or e.g. reseller).</translation>
    </message>
    <message>
        <source>Kemasan</source>
        <translation>Packs</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Isi</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>Harga (Rp)</source>
        <translation>Price (Rp)</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <source>dus</source>
        <translation>box</translation>
    </message>
    <message>
        <source>Harga grosir</source>
        <translation>Wholesale prices</translation>
    </message>
    <message>
        <source>Mulai jumlah</source>
        <translation>From qty</translation>
    </message>
    <message>
        <source>Grup</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Tambah baris</source>
        <translation>Add row</translation>
    </message>
    <message>
        <source>Hapus baris</source>
        <translation>Remove row</translation>
    </message>
    <message>
        <source>%s di baris %d bukan angka.</source>
        <translation>%s in row %d is not a number.</translation>
    </message>
    <message>
        <source>Harga di baris %d bukan angka rupiah.</source>
        <translation>The price in row %d is not a rupiah amount.</translation>
    </message>
</context>
<context>
    <name>PayDialog</name>
    <message>
        <source>Pembayaran</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>Pembayaran · {name}</source>
        <translation>Payment · {name}</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Uang diterima</source>
        <translation>Cash received</translation>
    </message>
    <message>
        <source>Sisa</source>
        <translation>Remaining</translation>
    </message>
    <message>
        <source>Kembalian</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Enter: bayar  ·  F1–F4, F10 kasbon: cara bayar  ·  F5–F8: uang cepat  ·  F9: hapus bayar terakhir  ·  Esc: kembali</source>
        <translation>Enter: pay  ·  F1–F4, F10 credit: payment method  ·  F5–F8: quick cash  ·  F9: remove last payment  ·  Esc: back</translation>
    </message>
    <message>
        <source>Kasbon perlu pelanggan: tutup (Esc), tekan F11 dan pilih pelanggan dulu.</source>
        <translation>Credit needs a customer: close (Esc), press F11 and choose the customer first.</translation>
    </message>
    <message>
        <source>Uang diterima (Rp)</source>
        <translation>Cash received (Rp)</translation>
    </message>
    <message>
        <source>Bayar pembelian {0}</source>
        <translation>Pay purchase {0}</translation>
    </message>
    <message>
        <source>{0} · sisa utang {1}</source>
        <translation>{0} · {1} still owed</translation>
    </message>
    <message>
        <source>(tanpa pemasok)</source>
        <translation>(no supplier)</translation>
    </message>
    <message>
        <source>Transfer dari rekening bank</source>
        <translation>Transfer from the bank account</translation>
    </message>
    <message>
        <source>Uang dari laci kas</source>
        <translation>Cash from the drawer</translation>
    </message>
    <message>
        <source>Jumlah (Rp)</source>
        <translation>Amount (Rp)</translation>
    </message>
    <message>
        <source>Dari</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Bayar</source>
        <translation>Pay</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Uang pas</source>
        <translation>Exact cash</translation>
    </message>
    <message>
        <source>Pembulatan {rounding} · bayar tunai {due}</source>
        <translation>Rounding {rounding} · cash due {due}</translation>
    </message>
    <message>
        <source>Jumlah bayar harus lebih dari nol.</source>
        <translation>The payment must be more than zero.</translation>
    </message>
    <message>
        <source>(diterima {amount})</source>
        <translation>(received {amount})</translation>
    </message>
    <message>
        <source>Jumlah melebihi sisa {amount}.</source>
        <translation>The amount is more than the remaining {amount}.</translation>
    </message>
    <message>
        <source>Kasbon di atas batas tidak disetujui pemilik.</source>
        <translation>The owner did not approve credit above the limit.</translation>
    </message>
    <message>
        <source>Belum tersimpan: {error}</source>
        <translation>Not saved yet: {error}</translation>
    </message>
</context>
<context>
    <name>PaymentPage</name>
    <message>
        <source>Pembeli mentransfer ke rekening ini dan membayar dengan QRIS stiker toko. Kosongkan yang belum ada.</source>
        <translation>Buyers transfer to this account and pay with the shop’s QRIS sticker. Leave empty what you don’t have yet.</translation>
    </message>
    <message>
        <source>mis. 1234567890</source>
        <translation>e.g. 1234567890</translation>
    </message>
    <message>
        <source>nama sesuai buku tabungan</source>
        <translation>name as in the bank book</translation>
    </message>
    <message>
        <source>isi QRIS statis (diawali 000201)</source>
        <translation>static QRIS content (starts with 000201)</translation>
    </message>
    <message>
        <source>Baca dari foto stiker…</source>
        <translation>Read from a photo of the sticker…</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>Nomor rekening</source>
        <translation>Account number</translation>
    </message>
    <message>
        <source>Atas nama</source>
        <translation>Account holder</translation>
    </message>
    <message>
        <source>QRIS</source>
        <translation>QRIS</translation>
    </message>
    <message>
        <source>Rekening dan QRIS</source>
        <translation>Bank account and QRIS</translation>
    </message>
    <message>
        <source>QRIS ditolak: </source>
        <translation>QRIS refused: </translation>
    </message>
    <message>
        <source>✔ Terbaca: %1 — %2</source>
        <translation>✔ Read: %1 — %2</translation>
    </message>
    <message>
        <source>Foto stiker QRIS</source>
        <translation>Photo of the QRIS sticker</translation>
    </message>
</context>
<context>
    <name>PaymentSettingsTab</name>
    <message>
        <source>Kode unik dikembalikan ke pembeli sebagai potongan (pembeli mentransfer total dikurangi kode unik)</source>
        <translation>Unique code given back to the buyer as a discount (the buyer transfers the total minus the unique code)</translation>
    </message>
    <message>
        <source>mis. 1234567890</source>
        <translation>e.g. 1234567890</translation>
    </message>
    <message>
        <source>nama sesuai buku tabungan</source>
        <translation>name as in the bank book</translation>
    </message>
    <message>
        <source>Tempel isi QRIS statis di sini (diawali 000201)</source>
        <translation>Paste the static QRIS content here (starts with 000201)</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>No. rekening</source>
        <translation>Account no.</translation>
    </message>
    <message>
        <source>Atas nama</source>
        <translation>Account holder</translation>
    </message>
    <message>
        <source>Rekening bank untuk transfer</source>
        <translation>Bank accounts for transfers</translation>
    </message>
    <message>
        <source>Nomor rekening</source>
        <translation>Account number</translation>
    </message>
    <message>
        <source>Nonaktifkan terpilih</source>
        <translation>Deactivate selected</translation>
    </message>
    <message>
        <source>Tambah rekening</source>
        <translation>Add account</translation>
    </message>
    <message>
        <source>QRIS statis (dari stiker toko)</source>
        <translation>Static QRIS (from the shop’s sticker)</translation>
    </message>
    <message>
        <source>Baca dari foto stiker…</source>
        <translation>Read from a photo of the sticker…</translation>
    </message>
    <message>
        <source>Hapus QRIS</source>
        <translation>Remove QRIS</translation>
    </message>
    <message>
        <source>Simpan QRIS</source>
        <translation>Save QRIS</translation>
    </message>
    <message>
        <source>Belum ada QRIS. Tempel isinya atau baca dari foto stiker.</source>
        <translation>No QRIS yet. Paste its content or read it from a photo of the sticker.</translation>
    </message>
    <message>
        <source>Tersimpan</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>Terbaca</source>
        <translation>Read</translation>
    </message>
    <message>
        <source>Dibatalkan: hanya pemilik yang boleh mengubah ini.</source>
        <translation>Cancelled: only the owner may change this.</translation>
    </message>
    <message>
        <source>Rekening ditambahkan.</source>
        <translation>Account added.</translation>
    </message>
    <message>
        <source>Pilih rekening di tabel dulu.</source>
        <translation>First choose an account in the table.</translation>
    </message>
    <message>
        <source>Nonaktifkan rekening</source>
        <translation>Deactivate account</translation>
    </message>
    <message>
        <source>Rekening ini tidak ditawarkan lagi ke pembeli. Lanjutkan?</source>
        <translation>This account will no longer be offered to buyers. Continue?</translation>
    </message>
    <message>
        <source>Rekening dinonaktifkan.</source>
        <translation>Account deactivated.</translation>
    </message>
    <message>
        <source>QRIS ditolak: </source>
        <translation>QRIS refused: </translation>
    </message>
    <message>
        <source>Foto stiker QRIS</source>
        <translation>Photo of the QRIS sticker</translation>
    </message>
    <message>
        <source>Pembulatan tunai</source>
        <translation>Cash rounding</translation>
    </message>
    <message>
        <source>Tanpa pembulatan</source>
        <translation>No rounding</translation>
    </message>
    <message>
        <source>Ke bawah (pembeli tidak membayar lebih)</source>
        <translation>Down (the buyer never pays more)</translation>
    </message>
    <message>
        <source>Ke terdekat</source>
        <translation>To the nearest</translation>
    </message>
    <message>
        <source>Bulatkan tunai ke</source>
        <translation>Round cash to</translation>
    </message>
    <message>
        <source>Cara</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Hanya pembayaran tunai; transfer dan QRIS tetap sampai rupiah terakhir. Dicetak di struk sebagai &quot;Pembulatan&quot;.</source>
        <translation>Cash payments only; transfer and QRIS stay exact to the rupiah. Printed on the receipt as &quot;Rounding&quot;.</translation>
    </message>
</context>
<context>
    <name>PekenPage</name>
    <message>
        <source>PEKEN menampilkan produk Anda ke pembeli online di kota Anda. Kodenya dari admin PEKEN; bisa juga nanti di Pengaturan → PEKEN.</source>
        <translation>PEKEN shows your products to online buyers in your city. The code comes from the PEKEN admin; you can also do this later in Settings → PEKEN.</translation>
    </message>
    <message>
        <source>kode dari admin PEKEN</source>
        <translation>code from the PEKEN admin</translation>
    </message>
    <message>
        <source>Alamat server</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>Kode pendaftaran</source>
        <translation>Registration code</translation>
    </message>
    <message>
        <source>Nama perangkat</source>
        <translation>Device name</translation>
    </message>
    <message>
        <source>PEKEN (tidak wajib)</source>
        <translation>PEKEN (optional)</translation>
    </message>
</context>
<context>
    <name>PekenSettingsTab</name>
    <message>
        <source>Daftarkan perangkat</source>
        <translation>Register device</translation>
    </message>
    <message>
        <source>Sinkronkan sekarang</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Op ditolak…</source>
        <translation>Rejected changes…</translation>
    </message>
    <message>
        <source>Lepas perangkat</source>
        <translation>Unregister device</translation>
    </message>
    <message>
        <source>Pendaftaran perangkat</source>
        <translation>Device registration</translation>
    </message>
    <message>
        <source>Alamat server</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>Kode pendaftaran</source>
        <translation>Registration code</translation>
    </message>
    <message>
        <source>Nama perangkat</source>
        <translation>Device name</translation>
    </message>
    <message>
        <source>Status sinkronisasi</source>
        <translation>Sync status</translation>
    </message>
    <message>
        <source>Terdaftar di toko PEKEN #%1</source>
        <translation>Registered to PEKEN shop #%1</translation>
    </message>
    <message>
        <source>Perangkat terdaftar di PEKEN.</source>
        <translation>Device registered with PEKEN.</translation>
    </message>
    <message>
        <source>Sinkronisasi PEKEN selesai.</source>
        <translation>PEKEN sync finished.</translation>
    </message>
    <message>
        <source>Lepas perangkat ini dari PEKEN? Perubahan yang belum terkirim tetap disimpan dan terkirim setelah didaftarkan lagi.</source>
        <translation>Unregister this device from PEKEN? Changes not sent yet are kept and sent once it is registered again.</translation>
    </message>
</context>
<context>
    <name>PermissionsDialog</name>
    <message>
        <source>Izin untuk %1</source>
        <translation>Permissions for %1</translation>
    </message>
    <message>
        <source>Yang tidak dicentang tetap bisa dilakukan dengan PIN pemilik.</source>
        <translation>Unticked actions can still be done with the owner’s PIN.</translation>
    </message>
    <message>
        <source>Simpan izin</source>
        <translation>Save permissions</translation>
    </message>
</context>
<context>
    <name>PhraseDialog</name>
    <message>
        <source>Frasa pemulihan toko</source>
        <translation>Shop recovery phrase</translation>
    </message>
    <message>
        <source>Tulis 12 kata ini di kertas, urut, dan simpan di tempat aman (bukan di komputer ini). Tanpa kata-kata ini cadangan terenkripsi tidak bisa dibuka, juga oleh PEKEN. Kata-kata ini tidak akan ditampilkan lagi.</source>
        <translation>Write these 12 words on paper, in order, and keep them somewhere safe (not on this computer). Without these words the encrypted backups cannot be opened, not even by PEKEN. The words will not be shown again.</translation>
    </message>
    <message>
        <source>Saya sudah mencatat 12 kata ini</source>
        <translation>I have written down these 12 words</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PickTicketDialog</name>
    <message>
        <source>Daftar ambil barang</source>
        <translation>Pick list</translation>
    </message>
</context>
<context>
    <name>PickupDialog</name>
    <message>
        <source>Pesanan diambil</source>
        <translation>Order picked up</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>DP sudah dibayar</source>
        <translation>Deposit paid</translation>
    </message>
    <message>
        <source>Sisa dibayar</source>
        <translation>Remaining to pay</translation>
    </message>
    <message>
        <source>Cara bayar</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <source>Uang diterima</source>
        <translation>Cash received</translation>
    </message>
    <message>
        <source>Bayar &amp; serahkan</source>
        <translation>Pay &amp; hand over</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>Bagian ini belum tersedia di versi ini.</source>
        <translation>This section is not available in this version yet.</translation>
    </message>
</context>
<context>
    <name>PreorderDialog</name>
    <message>
        <source>Pesanan baru (pre-order)</source>
        <translation>New order (pre-order)</translation>
    </message>
    <message>
        <source>Nama pemesan</source>
        <translation>Customer name</translation>
    </message>
    <message>
        <source>Pemesan</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Diantar</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <source>Alamat antar</source>
        <translation>Delivery address</translation>
    </message>
    <message>
        <source>Diambil</source>
        <translation>Pickup</translation>
    </message>
    <message>
        <source>Barang</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>Harga</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Subtotal</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Stok tersedia</source>
        <translation>Stock available</translation>
    </message>
    <message>
        <source>Disisihkan</source>
        <translation>Set aside</translation>
    </message>
    <message>
        <source>Simpan (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Cari produk atau ketik barang pesanan…</source>
        <translation>Search products or type the item ordered…</translation>
    </message>
    <message>
        <source>Catatan: ukuran, tulisan di kue, warna</source>
        <translation>Note: size, writing on the cake, colour</translation>
    </message>
    <message>
        <source>Sisihkan dari stok</source>
        <translation>Set aside from stock</translation>
    </message>
    <message>
        <source>Catatan pesanan</source>
        <translation>Order note</translation>
    </message>
    <message>
        <source>DP</source>
        <translation>Deposit</translation>
    </message>
    <message>
        <source>Pelanggan terdaftar: {name}</source>
        <translation>Registered customer: {name}</translation>
    </message>
    <message>
        <source>Isi nama barang dan harganya.</source>
        <translation>Enter the item&apos;s name and price.</translation>
    </message>
    <message>
        <source>Ya</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Dibuat</source>
        <translation>Made to order</translation>
    </message>
    <message>
        <source>Total {total} · sisa {rest}</source>
        <translation>Total {total} · remaining {rest}</translation>
    </message>
</context>
<context>
    <name>PreordersTab</name>
    <message>
        <source>Pesanan baru (F2)</source>
        <translation>New order (F2)</translation>
    </message>
    <message>
        <source>Diambil, bayar sisa (Enter)</source>
        <translation>Picked up, pay the rest (Enter)</translation>
    </message>
    <message>
        <source>Siap (F6)</source>
        <translation>Ready (F6)</translation>
    </message>
    <message>
        <source>DP masuk (F7)</source>
        <translation>Deposit received (F7)</translation>
    </message>
    <message>
        <source>Batalkan (Del)</source>
        <translation>Cancel (Del)</translation>
    </message>
    <message>
        <source>Cetak nota (Ctrl+P)</source>
        <translation>Print slip (Ctrl+P)</translation>
    </message>
    <message>
        <source>Diambil</source>
        <translation>Pickup</translation>
    </message>
    <message>
        <source>No. pesanan</source>
        <translation>Order no.</translation>
    </message>
    <message>
        <source>Pemesan</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Barang</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>DP</source>
        <translation>Deposit</translation>
    </message>
    <message>
        <source>Sisa</source>
        <translation>Remaining</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Hari ini {today} pesanan diambil, besok {tomorrow}, terlambat {late}.</source>
        <translation>Pickups today {today}, tomorrow {tomorrow}, overdue {late}.</translation>
    </message>
    <message>
        <source>Terlambat</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Hari ini</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Besok</source>
        <translation>Tomorrow</translation>
    </message>
    <message>
        <source> (+{p} menunggu)</source>
        <translation> (+{p} pending)</translation>
    </message>
    <message>
        <source> diantar</source>
        <translation> delivery</translation>
    </message>
    <message>
        <source>Tidak ada DP yang menunggu konfirmasi.</source>
        <translation>No deposit is awaiting confirmation.</translation>
    </message>
    <message>
        <source>Simpan nota pesanan</source>
        <translation>Save the order slip</translation>
    </message>
    <message>
        <source>Nota belum tercetak: {error}</source>
        <translation>Slip not printed yet: {error}</translation>
    </message>
</context>
<context>
    <name>PrintController</name>
    <message>
        <source>Gagal mencetak (%1). Penjualan sudah tersimpan; coba Cetak ulang.</source>
        <translation>Printing failed (%1). The sale is saved; try Reprint.</translation>
    </message>
    <message>
        <source>Printer: mencetak…</source>
        <translation>Printer: printing…</translation>
    </message>
    <message numerus="yes">
        <source>Printer: gagal — %n struk menunggu</source>
        <translation>
            <numerusform>Printer: failed — %n receipt waiting</numerusform>
            <numerusform>Printer: failed — %n receipts waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>Printer: siap</source>
        <translation>Printer: ready</translation>
    </message>
    <message>
        <source>Printer: belum diatur</source>
        <translation>Printer: not set up</translation>
    </message>
    <message>
        <source>{title} tercetak</source>
        <translation>{title} printed</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>{title} belum tercetak: {error}. Penjualan sudah tersimpan; struk menunggu Cetak ulang.</source>
        <translation>{title} not printed yet: {error}. The sale is saved; the receipt waits for Reprint.</translation>
    </message>
</context>
<context>
    <name>PrinterPage</name>
    <message>
        <source>Pilih printer struk yang terlihat dari PC ini. Tanpa printer, struk bisa disimpan sebagai PDF.</source>
        <translation>Choose a receipt printer this PC can see. Without a printer, receipts can be saved as PDF.</translation>
    </message>
    <message>
        <source>Cari printer…</source>
        <translation>Find printer…</translation>
    </message>
    <message>
        <source>Belum ada printer dipilih.</source>
        <translation>No printer chosen yet.</translation>
    </message>
    <message>
        <source>58 mm (kecil)</source>
        <translation>58 mm (small)</translation>
    </message>
    <message>
        <source>80 mm (lebar)</source>
        <translation>80 mm (wide)</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>Lebar kertas</source>
        <translation>Paper width</translation>
    </message>
    <message>
        <source>Printer struk</source>
        <translation>Receipt printer</translation>
    </message>
    <message>
        <source>Dipilih: %1</source>
        <translation>Chosen: %1</translation>
    </message>
</context>
<context>
    <name>PrinterSearchDialog</name>
    <message>
        <source>Cari printer</source>
        <translation>Find printer</translation>
    </message>
    <message>
        <source>Cari di jaringan</source>
        <translation>Search the network</translation>
    </message>
    <message>
        <source>Pakai printer ini</source>
        <translation>Use this printer</translation>
    </message>
    <message>
        <source>Izinkan akses USB (udev)</source>
        <translation>Allow USB access (udev)</translation>
    </message>
    <message>
        <source>Jaringan</source>
        <translation>Network</translation>
    </message>
    <message>
        <source>Printer USB, port serial dan printer sistem di PC ini. Printer jaringan dicari di port 9100 pada jaringan lokal saja, setelah Anda menekan &quot;Cari di jaringan&quot;.</source>
        <translation>USB printers, serial ports and system printers on this PC. Network printers are searched on port 9100 on the local network only, after you press &quot;Search the network&quot;.</translation>
    </message>
    <message>
        <source>Belum ada printer ditemukan.</source>
        <translation>No printers found yet.</translation>
    </message>
    <message>
        <source>Mencari printer di %s…</source>
        <translation>Searching for printers on %s…</translation>
    </message>
    <message numerus="yes">
        <source>%n printer jaringan ditemukan.</source>
        <translation>
            <numerusform>%n network printer found.</numerusform>
            <numerusform>%n network printers found.</numerusform>
        </translation>
    </message>
    <message>
        <source>Pencarian gagal: %s</source>
        <translation>Search failed: %s</translation>
    </message>
    <message>
        <source>Aturan udev dipasang di %s. Cabut lalu colok lagi kabel USB printernya.</source>
        <translation>udev rule installed in %s. Unplug the printer’s USB cable and plug it in again.</translation>
    </message>
    <message>
        <source>Perlu hak root. Jalankan perintah ini di terminal, lalu cabut-colok printernya:
%s</source>
        <translation>Root rights needed. Run this command in a terminal, then unplug and replug the printer:
%s</translation>
    </message>
</context>
<context>
    <name>PrinterSettingsTab</name>
    <message>
        <source>Tanpa printer (pratinjau &amp; PDF saja)</source>
        <translation>No printer (preview &amp; PDF only)</translation>
    </message>
    <message>
        <source>Jaringan (LAN / Wi-Fi)</source>
        <translation>Network (LAN / Wi-Fi)</translation>
    </message>
    <message>
        <source>Serial / Bluetooth (COM, rfcomm)</source>
        <translation>Serial / Bluetooth (COM, rfcomm)</translation>
    </message>
    <message>
        <source>Printer sistem (CUPS / Windows)</source>
        <translation>System printer (CUPS / Windows)</translation>
    </message>
    <message>
        <source>Berkas (untuk uji)</source>
        <translation>File (for testing)</translation>
    </message>
    <message>
        <source>Gambar (cocok untuk semua printer)</source>
        <translation>Image (works on every printer)</translation>
    </message>
    <message>
        <source>Perintah printer (lebih tajam; tidak semua printer bisa)</source>
        <translation>Printer command (sharper; not every printer can)</translation>
    </message>
    <message>
        <source>Tidak ada laci uang</source>
        <translation>No cash drawer</translation>
    </message>
    <message>
        <source>Pin 2 (umum)</source>
        <translation>Pin 2 (common)</translation>
    </message>
    <message>
        <source>58 mm (32 kolom)</source>
        <translation>58 mm (32 columns)</translation>
    </message>
    <message>
        <source>80 mm (48 kolom)</source>
        <translation>80 mm (48 columns)</translation>
    </message>
    <message>
        <source>Printer punya pemotong kertas otomatis</source>
        <translation>The printer has an automatic paper cutter</translation>
    </message>
    <message>
        <source>Cetak struk setelah setiap penjualan</source>
        <translation>Print a receipt after every sale</translation>
    </message>
    <message>
        <source>Cetak uji</source>
        <translation>Test print</translation>
    </message>
    <message>
        <source>Cari printer…</source>
        <translation>Find printer…</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Printer struk</source>
        <translation>Receipt printer</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Sambungan</source>
        <translation>Connection</translation>
    </message>
    <message>
        <source>Kertas dan perlengkapan</source>
        <translation>Paper and extras</translation>
    </message>
    <message>
        <source>Lebar kertas</source>
        <translation>Paper width</translation>
    </message>
    <message>
        <source>Code page</source>
        <translation>Code page</translation>
    </message>
    <message>
        <source>Kode QR</source>
        <translation>QR code</translation>
    </message>
    <message>
        <source>Lama pulsa</source>
        <translation>Pulse length</translation>
    </message>
    <message>
        <source>Laci uang</source>
        <translation>Cash drawer</translation>
    </message>
    <message>
        <source>/dev/ttyUSB0 atau COM3</source>
        <translation>/dev/ttyUSB0 or COM3</translation>
    </message>
    <message>
        <source>Setelah penjualan, struk ditampilkan di layar; dari sana bisa disimpan sebagai PDF untuk dikirim lewat WhatsApp.</source>
        <translation>After a sale, the receipt is shown on screen; from there it can be saved as PDF to send by WhatsApp.</translation>
    </message>
    <message>
        <source>Vendor ID</source>
        <translation>Vendor ID</translation>
    </message>
    <message>
        <source>Product ID</source>
        <translation>Product ID</translation>
    </message>
    <message>
        <source>Empat digit heksadesimal dari `lsusb` (Linux) atau Device Manager (Windows), atau tekan Cari printer…. Di Linux perlu aturan udev (tombol Izinkan akses USB di Cari printer).</source>
        <translation>Four hexadecimal digits from `lsusb` (Linux) or Device Manager (Windows); or press Find printer… instead. On Linux this needs a udev rule (the Allow USB access button in Find printer).</translation>
    </message>
    <message>
        <source>Alamat IP</source>
        <translation>IP address</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Printer LAN/Wi-Fi biasanya memakai port 9100. Cetak halaman konfigurasi printer untuk melihat alamat IP-nya.</source>
        <translation>LAN/Wi-Fi printers usually use port 9100. Print the printer&apos;s configuration page to see its IP address.</translation>
    </message>
    <message>
        <source>Baud</source>
        <translation>Baud</translation>
    </message>
    <message>
        <source>Printer Bluetooth dipasangkan dulu di sistem, lalu pakai port COM-nya (Windows) atau /dev/rfcomm0 (Linux).</source>
        <translation>Pair a Bluetooth printer in the system first, then use its COM port (Windows) or /dev/rfcomm0 (Linux).</translation>
    </message>
    <message>
        <source>Nama printer</source>
        <translation>Printer name</translation>
    </message>
    <message>
        <source>Printer harus dipasang sebagai printer RAW (tanpa driver gambar) di CUPS atau Windows.</source>
        <translation>The printer must be installed as a RAW printer (no graphics driver) in CUPS or Windows.</translation>
    </message>
    <message>
        <source>Pilih…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Berkas</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Data ESC/POS ditulis ke berkas ini (untuk uji).</source>
        <translation>ESC/POS data is written to this file (for testing).</translation>
    </message>
    <message>
        <source>Berkas keluaran printer</source>
        <translation>Printer output file</translation>
    </message>
    <message>
        <source>Dipilih: %s. Tekan Cetak uji, lalu Simpan.</source>
        <translation>Chosen: %s. Press Test print, then Save.</translation>
    </message>
    <message>
        <source>Tidak disimpan: printer hanya diubah oleh pemilik.</source>
        <translation>Not saved: only the owner changes the printer.</translation>
    </message>
    <message>
        <source>Tersimpan.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Pengaturan printer disimpan</source>
        <translation>Printer settings saved</translation>
    </message>
    <message>
        <source>Pilih sambungan printer dulu.</source>
        <translation>First choose how the printer is connected.</translation>
    </message>
    <message>
        <source>Mengirim halaman uji ke %s…</source>
        <translation>Sending a test page to %s…</translation>
    </message>
    <message>
        <source>Cetak uji terkirim ke %s. Periksa kertasnya: deretan angka harus pas satu baris dan kode QR harus terbaca.</source>
        <translation>Test print sent to %s. Check the paper: the row of digits must fit on one line and the QR code must scan.</translation>
    </message>
    <message>
        <source>Cetak uji gagal: %s</source>
        <translation>Test print failed: %s</translation>
    </message>
</context>
<context>
    <name>ProductEditor</name>
    <message>
        <source>Produk baru</source>
        <translation>New product</translation>
    </message>
    <message>
        <source>Ubah produk</source>
        <translation>Edit product</translation>
    </message>
    <message>
        <source>Dijual per berat (ditimbang)</source>
        <translation>Sold by weight (weighed)</translation>
    </message>
    <message>
        <source>Terbitkan di katalog PEKEN</source>
        <translation>Publish in the PEKEN catalog</translation>
    </message>
    <message>
        <source>Tampilkan di tombol cepat kasir</source>
        <translation>Show on the checkout quick buttons</translation>
    </message>
    <message>
        <source>mis. BJ-1001</source>
        <translation>e.g. BJ-1001</translation>
    </message>
    <message>
        <source>mis. Gula Pasir 1 kg</source>
        <translation>e.g. Sugar 1 kg</translation>
    </message>
    <message>
        <source>mis. 12.500</source>
        <translation>e.g. 12.500</translation>
    </message>
    <message>
        <source>mis. 10.000</source>
        <translation>e.g. 10.000</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Nama produk</source>
        <translation>Product name</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Satuan</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Harga jual (Rp)</source>
        <translation>Selling price (Rp)</translation>
    </message>
    <message>
        <source>Harga pokok (Rp)</source>
        <translation>Cost price (Rp)</translation>
    </message>
    <message>
        <source>Stok minimum</source>
        <translation>Minimum stock</translation>
    </message>
    <message>
        <source>Stok awal</source>
        <translation>Opening stock</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <source>Foto</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>Umum</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Kemasan &amp;&amp; Grosir</source>
        <translation>Packs &amp;&amp; Wholesale</translation>
    </message>
    <message>
        <source>Varian</source>
        <translation>Variants</translation>
    </message>
    <message>
        <source>Scan atau ketik barcode, lalu Enter</source>
        <translation>Scan or type a barcode, then Enter</translation>
    </message>
    <message>
        <source>Tambah</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Buat barcode toko</source>
        <translation>Make a shop barcode</translation>
    </message>
    <message>
        <source>Belum ada foto</source>
        <translation>No photo yet</translation>
    </message>
    <message>
        <source>Pilih foto…</source>
        <translation>Choose photo…</translation>
    </message>
    <message>
        <source>Hapus foto</source>
        <translation>Remove photo</translation>
    </message>
    <message>
        <source>Arsipkan</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Aktifkan lagi</source>
        <translation>Reactivate</translation>
    </message>
    <message>
        <source>Barcode &apos;%s&apos; sudah ada di daftar.</source>
        <translation>Barcode &apos;%s&apos; is already in the list.</translation>
    </message>
    <message>
        <source>Barcode &apos;%s&apos; tidak sah.</source>
        <translation>Barcode &apos;%s&apos; is not valid.</translation>
    </message>
    <message>
        <source>Pilih foto produk</source>
        <translation>Choose a product photo</translation>
    </message>
    <message>
        <source>Foto tidak bisa dibuka.</source>
        <translation>The photo cannot be opened.</translation>
    </message>
    <message>
        <source>Harga jual</source>
        <translation>Selling price</translation>
    </message>
    <message>
        <source>Harga pokok</source>
        <translation>Cost price</translation>
    </message>
    <message>
        <source>%s wajib diisi.</source>
        <translation>%s is required.</translation>
    </message>
    <message>
        <source>lebih dari nol</source>
        <translation>more than zero</translation>
    </message>
    <message>
        <source>nol atau lebih</source>
        <translation>zero or more</translation>
    </message>
    <message>
        <source>Tidak boleh negatif.</source>
        <translation>Cannot be negative.</translation>
    </message>
    <message>
        <source>Nama produk wajib diisi (2–160 karakter).</source>
        <translation>Enter the product name (2–160 characters).</translation>
    </message>
    <message>
        <source>SKU wajib diisi: huruf, angka, &apos;-&apos;, &apos;_&apos; atau &apos;.&apos;, maks. 40.</source>
        <translation>Enter the SKU: letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;, at most 40.</translation>
    </message>
    <message>
        <source>Hapus produk</source>
        <translation>Delete product</translation>
    </message>
    <message>
        <source>Produk ini belum punya riwayat. Hapus permanen?</source>
        <translation>This product has no history yet. Delete it for good?</translation>
    </message>
</context>
<context>
    <name>ProductTableModel</name>
    <message>
        <source>Terbit</source>
        <translation>Published</translation>
    </message>
    <message>
        <source>Belum</source>
        <translation>No</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Satuan</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Harga jual</source>
        <translation>Selling price</translation>
    </message>
    <message>
        <source>%s (%d varian)</source>
        <translation>%s (%d variants)</translation>
    </message>
    <message>
        <source>Harga pokok</source>
        <translation>Cost price</translation>
    </message>
    <message>
        <source>Stok</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <source>PEKEN</source>
        <translation>PEKEN</translation>
    </message>
</context>
<context>
    <name>ProductsPage</name>
    <message>
        <source>Produk</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Promo</source>
        <translation>Promo</translation>
    </message>
    <message>
        <source>Cari nama atau SKU, atau scan barcode…</source>
        <translation>Search name or SKU, or scan a barcode…</translation>
    </message>
    <message>
        <source>Stok menipis</source>
        <translation>Low stock</translation>
    </message>
    <message>
        <source>Belum terbit di PEKEN</source>
        <translation>Not published on PEKEN</translation>
    </message>
    <message>
        <source>Arsip</source>
        <translation>Archived</translation>
    </message>
    <message>
        <source>Semua kategori</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>+ Produk baru</source>
        <translation>+ New product</translation>
    </message>
    <message>
        <source>Ubah</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Terima barang</source>
        <translation>Receive goods</translation>
    </message>
    <message>
        <source>Sesuaikan stok</source>
        <translation>Adjust stock</translation>
    </message>
    <message>
        <source>Riwayat</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Stok opname</source>
        <translation>Stocktake</translation>
    </message>
    <message>
        <source>Daftar stok menipis</source>
        <translation>Low stock list</translation>
    </message>
    <message>
        <source>Cetak label</source>
        <translation>Print labels</translation>
    </message>
    <message>
        <source>Impor…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>Ekspor…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>%s produk</source>
        <translation>%s products</translation>
    </message>
    <message>
        <source>Pilih produk dulu di tabel.</source>
        <translation>First choose a product in the table.</translation>
    </message>
    <message>
        <source>Pilih produk (bisa beberapa) untuk label.</source>
        <translation>Choose products (one or more) for labels.</translation>
    </message>
    <message>
        <source>Ekspor produk</source>
        <translation>Export products</translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>%d produk diekspor ke %s</source>
        <translation>%d products exported to %s</translation>
    </message>
</context>
<context>
    <name>PromotionEditor</name>
    <message>
        <source>Promo baru</source>
        <translation>New promo</translation>
    </message>
    <message>
        <source>Ubah promo</source>
        <translation>Edit promo</translation>
    </message>
    <message>
        <source>mis. Beli 2 gratis 1 Teh Botol</source>
        <translation>e.g. Buy 2 get 1 free Teh Botol</translation>
    </message>
    <message>
        <source>Nama promo</source>
        <translation>Promo name</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Beli</source>
        <translation>Buy</translation>
    </message>
    <message>
        <source>gratis</source>
        <translation>get free</translation>
    </message>
    <message>
        <source>Aturan</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>Berlaku</source>
        <translation>Valid</translation>
    </message>
    <message>
        <source>Hari</source>
        <translation>Days</translation>
    </message>
    <message>
        <source>Jam</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Semua kanal</source>
        <translation>All channels</translation>
    </message>
    <message>
        <source>Kanal / acara</source>
        <translation>Channel / event</translation>
    </message>
    <message>
        <source>Boleh digabung dengan promo lain</source>
        <translation>Can combine with other promos</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Prioritas</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Dari</source>
        <translation>From</translation>
    </message>
    <message>
        <source>sampai</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Sen</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>Sel</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>Rab</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>Kam</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>Jum</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>Sab</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>Hanya pukul</source>
        <translation>Only from</translation>
    </message>
    <message>
        <source>Cari produk (nama, SKU atau barcode), lalu Enter</source>
        <translation>Search a product (name, SKU or barcode), then Enter</translation>
    </message>
    <message>
        <source>Tambah kategori</source>
        <translation>Add category</translation>
    </message>
    <message>
        <source>Hapus baris</source>
        <translation>Remove row</translation>
    </message>
    <message>
        <source>Produk / kategori</source>
        <translation>Product / category</translation>
    </message>
    <message>
        <source>Jumlah di paket</source>
        <translation>Qty in bundle</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Harga paket (Rp)</source>
        <translation>Bundle price (Rp)</translation>
    </message>
    <message>
        <source>Diskon (%)</source>
        <translation>Discount (%)</translation>
    </message>
    <message>
        <source>Potongan per barang (Rp)</source>
        <translation>Discount per item (Rp)</translation>
    </message>
    <message>
        <source>Produk &apos;%s&apos; tidak ditemukan.</source>
        <translation>Product &apos;%s&apos; not found.</translation>
    </message>
    <message>
        <source>Kategori: %s</source>
        <translation>Category: %s</translation>
    </message>
    <message>
        <source>%s bukan angka.</source>
        <translation>%s is not a number.</translation>
    </message>
    <message>
        <source>Diskon persen bukan angka.</source>
        <translation>The discount percentage is not a number.</translation>
    </message>
</context>
<context>
    <name>PromotionsTab</name>
    <message>
        <source>+ Promo baru</source>
        <translation>+ New promo</translation>
    </message>
    <message>
        <source>Ubah</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Aktif / nonaktif</source>
        <translation>Active / inactive</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Berlaku</source>
        <translation>Valid</translation>
    </message>
    <message>
        <source>Produk/kategori</source>
        <translation>Products/categories</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Nonaktif</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>Selalu</source>
        <translation>Always</translation>
    </message>
    <message>
        <source>Hapus promo</source>
        <translation>Delete promo</translation>
    </message>
    <message>
        <source>Hapus promo &apos;%s&apos;?</source>
        <translation>Delete promo &apos;%s&apos;?</translation>
    </message>
</context>
<context>
    <name>PurchaseDialog</name>
    <message>
        <source>Pembelian baru (barang masuk)</source>
        <translation>New purchase (goods in)</translation>
    </message>
    <message>
        <source>Produk</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>Satuan</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Harga pokok/satuan</source>
        <translation>Cost/unit</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Subtotal</translation>
    </message>
    <message>
        <source>Baru…</source>
        <translation>New…</translation>
    </message>
    <message>
        <source>Pemasok</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <source>nomor nota/faktur pemasok (boleh kosong)</source>
        <translation>supplier&apos;s invoice number (optional)</translation>
    </message>
    <message>
        <source>No. nota</source>
        <translation>Invoice no.</translation>
    </message>
    <message>
        <source>Tanggal nota</source>
        <translation>Invoice date</translation>
    </message>
    <message>
        <source>Tempo s/d</source>
        <translation>Due by</translation>
    </message>
    <message>
        <source>Jatuh tempo</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Pindai barcode atau ketik nama produk, lalu Enter</source>
        <translation>Scan a barcode or type a product name, then Enter</translation>
    </message>
    <message>
        <source>Pilih produk dulu</source>
        <translation>Choose a product first</translation>
    </message>
    <message>
        <source>Rp per satuan</source>
        <translation>Rp per unit</translation>
    </message>
    <message>
        <source>Harga pokok</source>
        <translation>Cost price</translation>
    </message>
    <message>
        <source>Rp per %s</source>
        <translation>Rp per %s</translation>
    </message>
    <message>
        <source>Bayar nanti (utang ke pemasok)</source>
        <translation>Pay later (owed to the supplier)</translation>
    </message>
    <message>
        <source>Lunas, uang dari laci kas</source>
        <translation>Paid, cash from the drawer</translation>
    </message>
    <message>
        <source>Lunas, transfer dari rekening bank</source>
        <translation>Paid, transfer from the bank account</translation>
    </message>
    <message>
        <source>Pesanan pembelian (barang belum datang)</source>
        <translation>Purchase order (goods not here yet)</translation>
    </message>
    <message>
        <source>Pembayaran</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Simpan (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>Harga pokok menjadi HPP rata-rata produk.</source>
        <translation>The cost price goes into the product&apos;s average cost.</translation>
    </message>
    <message>
        <source>(tanpa pemasok)</source>
        <translation>(no supplier)</translation>
    </message>
    <message>
        <source>Produk &apos;{0}&apos; tidak ditemukan.</source>
        <translation>Product &apos;{0}&apos; not found.</translation>
    </message>
    <message>
        <source>Total {0}</source>
        <translation>Total {0}</translation>
    </message>
    <message>
        <source>Harga pokok per kemasan tidak habis dibagi isinya: HPP per satuan dasar dibulatkan ke rupiah, subtotal tetap sesuai nota: {0}</source>
        <translation>The pack&apos;s cost price does not divide evenly by its contents: the cost per base unit is rounded to the rupiah, the subtotal stays as on the invoice: {0}</translation>
    </message>
    <message>
        <source>Tambahkan barang dulu (pindai atau cari).</source>
        <translation>Add items first (scan or search).</translation>
    </message>
    <message>
        <source>Pembelian {0} tersimpan.</source>
        <translation>Purchase {0} saved.</translation>
    </message>
</context>
<context>
    <name>PurchasesTab</name>
    <message>
        <source>Pembelian memuat harga modal. Hanya pengguna dengan izin melihat harga modal yang bisa membukanya.</source>
        <translation>Purchases show cost prices. Only users allowed to see cost prices can open them.</translation>
    </message>
    <message>
        <source>Minta PIN pemilik</source>
        <translation>Ask for the owner&apos;s PIN</translation>
    </message>
    <message>
        <source>Pembelian baru (Ctrl+N)</source>
        <translation>New purchase (Ctrl+N)</translation>
    </message>
    <message>
        <source>Bayar (Ctrl+B)</source>
        <translation>Pay (Ctrl+B)</translation>
    </message>
    <message>
        <source>Retur (Ctrl+R)</source>
        <translation>Return (Ctrl+R)</translation>
    </message>
    <message>
        <source>Terima pesanan</source>
        <translation>Receive order</translation>
    </message>
    <message>
        <source>Hanya yang belum lunas</source>
        <translation>Unpaid only</translation>
    </message>
    <message>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Pemasok</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <source>No. nota</source>
        <translation>Invoice no.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Sisa utang</source>
        <translation>Still owed</translation>
    </message>
    <message>
        <source>Jatuh tempo</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Lunas</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Utang</source>
        <translation>Owed</translation>
    </message>
    <message>
        <source>tanpa tempo</source>
        <translation>no due date</translation>
    </message>
    <message>
        <source>{0} (lewat {1} hari)</source>
        <translation>{0} ({1} days overdue)</translation>
    </message>
    <message>
        <source>Utang ke pemasok: {0}  ·  0–7 hari {1}  ·  8–30 hari {2}  ·  &gt; 30 hari {3}</source>
        <translation>Owed to suppliers: {0}  ·  0–7 days {1}  ·  8–30 days {2}  ·  &gt; 30 days {3}</translation>
    </message>
    <message>
        <source>Pilih pembelian yang masih ada sisa utangnya.</source>
        <translation>Choose a purchase that still has something owed.</translation>
    </message>
    <message>
        <source>Pilih pembelian yang barangnya diretur.</source>
        <translation>Choose the purchase whose goods are returned.</translation>
    </message>
    <message>
        <source>Pilih pesanan pembelian yang belum diterima.</source>
        <translation>Choose a purchase order not yet received.</translation>
    </message>
</context>
<context>
    <name>QrisPanel</name>
    <message>
        <source>Pindai dengan aplikasi bank atau dompet digital apa pun. Nominal sudah terisi.</source>
        <translation>Scan with any bank or e-wallet app. The amount is already filled in.</translation>
    </message>
    <message>
        <source>QRIS belum siap.</source>
        <translation>QRIS is not ready yet.</translation>
    </message>
</context>
<context>
    <name>QtyDialog</name>
    <message>
        <source>Berat</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Timbang</source>
        <translation>Weigh</translation>
    </message>
    <message>
        <source>Ubah jumlah</source>
        <translation>Change quantity</translation>
    </message>
    <message>
        <source>Simpan (Enter)</source>
        <translation>Save (Enter)</translation>
    </message>
    <message>
        <source>mis. 0,250</source>
        <translation>e.g. 0,250</translation>
    </message>
    <message>
        <source>mis. 3</source>
        <translation>e.g. 3</translation>
    </message>
    <message>
        <source>Jumlah harus lebih dari 0.</source>
        <translation>The quantity must be more than 0.</translation>
    </message>
</context>
<context>
    <name>QuickCreateDialog</name>
    <message>
        <source>Barcode &lt;b&gt;{code}&lt;/b&gt; belum terdaftar. Buat produknya sekarang? Keranjang tetap aman.</source>
        <translation>Barcode &lt;b&gt;{code}&lt;/b&gt; is not registered. Create the product now? The cart stays safe.</translation>
    </message>
    <message>
        <source>Produk baru</source>
        <translation>New product</translation>
    </message>
    <message>
        <source>Simpan &amp;&amp; tambah (Enter)</source>
        <translation>Save &amp;&amp; add (Enter)</translation>
    </message>
    <message>
        <source>mis. Keripik Tempe 100 g</source>
        <translation>e.g. Tempeh Chips 100 g</translation>
    </message>
    <message>
        <source>mis. 12.500</source>
        <translation>e.g. 12.500</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Harga jual (Rp)</source>
        <translation>Selling price (Rp)</translation>
    </message>
    <message>
        <source>Satuan</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Nama produk wajib diisi.</source>
        <translation>Enter the product name.</translation>
    </message>
    <message>
        <source>Harga jual harus lebih dari nol.</source>
        <translation>The selling price must be more than zero.</translation>
    </message>
</context>
<context>
    <name>QuickGrid</name>
    <message>
        <source>★ Favorit</source>
        <translation>★ Favourites</translation>
    </message>
</context>
<context>
    <name>ReceiptPreviewDialog</name>
    <message>
        <source>Struk 58 mm</source>
        <translation>Receipt 58 mm</translation>
    </message>
    <message>
        <source>Struk 80 mm</source>
        <translation>Receipt 80 mm</translation>
    </message>
    <message>
        <source>Nota A4</source>
        <translation>A4 invoice</translation>
    </message>
    <message>
        <source>Struk %s</source>
        <translation>Receipt %s</translation>
    </message>
    <message>
        <source>Cetak</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Simpan PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Pembeli memindai kode ini dengan aplikasi bank/e-wallet</source>
        <translation>The buyer scans this code with a bank/e-wallet app</translation>
    </message>
    <message>
        <source>Simpan sebagai PDF, mis. untuk dikirim lewat WhatsApp</source>
        <translation>Save as PDF, e.g. to send by WhatsApp</translation>
    </message>
    <message>
        <source>Printer struk belum diatur (Pengaturan → Printer). Simpan PDF untuk dikirim lewat WhatsApp.</source>
        <translation>No receipt printer set up yet (Settings → Printer). Save a PDF to send by WhatsApp.</translation>
    </message>
    <message>
        <source>Dikirim ke printer. Jika gagal, struk menunggu Cetak ulang.</source>
        <translation>Sent to the printer. If it fails, the receipt waits for Reprint.</translation>
    </message>
    <message>
        <source>Simpan struk sebagai PDF</source>
        <translation>Save receipt as PDF</translation>
    </message>
    <message>
        <source>Dokumen PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Menyimpan PDF…</source>
        <translation>Saving PDF…</translation>
    </message>
    <message>
        <source>Tidak bisa menyimpan PDF ke {path}: {reason}.</source>
        <translation>Cannot save the PDF to {path}: {reason}.</translation>
    </message>
    <message>
        <source>PDF tersimpan: %s</source>
        <translation>PDF saved: %s</translation>
    </message>
    <message>
        <source>Struk disimpan sebagai PDF: %s</source>
        <translation>Receipt saved as PDF: %s</translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <source>Terima barang</source>
        <translation>Receive goods</translation>
    </message>
    <message>
        <source>mis. CV Sumber Rejeki, nota 118</source>
        <translation>e.g. CV Sumber Rejeki, invoice 118</translation>
    </message>
    <message>
        <source>Jumlah masuk</source>
        <translation>Quantity received</translation>
    </message>
    <message>
        <source>Harga pokok per satuan (Rp)</source>
        <translation>Cost price per unit (Rp)</translation>
    </message>
    <message>
        <source>Pemasok / catatan</source>
        <translation>Supplier / note</translation>
    </message>
    <message>
        <source>Harga pokok per %s (Rp)</source>
        <translation>Cost price per %s (Rp)</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>Retur pesanan %1</source>
        <translation>Return for order %1</translation>
    </message>
    <message>
        <source>Retur dari %1 — total belanja %2</source>
        <translation>Return of %1 — order total %2</translation>
    </message>
    <message>
        <source>Barang rusak/cacat</source>
        <translation>Damaged/faulty goods</translation>
    </message>
    <message>
        <source>Salah barang</source>
        <translation>Wrong item</translation>
    </message>
    <message>
        <source>Pembeli berubah pikiran</source>
        <translation>Customer changed their mind</translation>
    </message>
    <message>
        <source>Kedaluwarsa</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Salah input kasir</source>
        <translation>Cashier entry mistake</translation>
    </message>
    <message>
        <source>Tulis atau pilih alasan retur</source>
        <translation>Type or choose a reason for the return</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Retur semua</source>
        <translation>Return all</translation>
    </message>
    <message>
        <source>Simpan retur</source>
        <translation>Save return</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Uang kembali: %1</source>
        <translation>Money back: %1</translation>
    </message>
    <message>
        <source>Isi jumlah barang yang diretur di kolom &apos;Retur sekarang&apos;.</source>
        <translation>Fill in how many items are returned in the &apos;Return now&apos; column.</translation>
    </message>
    <message>
        <source>Tulis alasan retur.</source>
        <translation>Type the reason for the return.</translation>
    </message>
    <message>
        <source>Retur belum disimpan: perlu persetujuan pemilik.</source>
        <translation>Return not saved: owner approval needed.</translation>
    </message>
</context>
<context>
    <name>RefundLinesModel</name>
    <message>
        <source>Barang</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Harga</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Terjual</source>
        <translation>Sold</translation>
    </message>
    <message>
        <source>Sudah diretur</source>
        <translation>Already returned</translation>
    </message>
    <message>
        <source>Retur sekarang</source>
        <translation>Return now</translation>
    </message>
</context>
<context>
    <name>RejectedDialog</name>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Tentang</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Alasan ditolak</source>
        <translation>Reason refused</translation>
    </message>
    <message>
        <source>Perubahan yang ditolak server PEKEN</source>
        <translation>Changes refused by the PEKEN server</translation>
    </message>
    <message>
        <source>Kirim ulang</source>
        <translation>Send again</translation>
    </message>
    <message>
        <source>Buang</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Perbaiki datanya dulu (mis. nama atau harga produk), lalu Kirim ulang. Buang jika perubahan ini tidak perlu lagi.</source>
        <translation>Fix the data first (e.g. the product’s name or price), then Send again. Discard it if this change is no longer needed.</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Belum ada penjualan pada periode ini.</source>
        <translation>No sales in this period yet.</translation>
    </message>
    <message>
        <source>Cara bayar</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <source>Transaksi</source>
        <translation>Transactions</translation>
    </message>
    <message>
        <source>Penjualan</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>Retur</source>
        <translation>Returns</translation>
    </message>
    <message>
        <source>Bersih</source>
        <translation>Net</translation>
    </message>
    <message>
        <source>Laporan</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Hari ini</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Minggu ini</source>
        <translation>This week</translation>
    </message>
    <message>
        <source>Bulan ini</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>Tahun ini</source>
        <translation>This year</translation>
    </message>
    <message>
        <source>Pilih tanggal…</source>
        <translation>Choose dates…</translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>dari</source>
        <translation>from</translation>
    </message>
    <message>
        <source>s.d.</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Ekspor CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <source>Ekspor Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <source>Laporan PDF</source>
        <translation>PDF report</translation>
    </message>
    <message>
        <source>Buku kas…</source>
        <translation>Cash book…</translation>
    </message>
    <message>
        <source>Penjualan bersih</source>
        <translation>Net sales</translation>
    </message>
    <message>
        <source>Jumlah pesanan</source>
        <translation>Number of orders</translation>
    </message>
    <message>
        <source>Rata-rata belanja</source>
        <translation>Average basket</translation>
    </message>
    <message>
        <source>Laba kotor</source>
        <translation>Gross profit</translation>
    </message>
    <message>
        <source>Nilai stok (harga pokok)</source>
        <translation>Stock value (at cost)</translation>
    </message>
    <message>
        <source>Omzet PEKEN bulan ini</source>
        <translation>PEKEN turnover this month</translation>
    </message>
    <message>
        <source>Saluran / acara</source>
        <translation>Channel / event</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Pesanan</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Produk</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Terjual</source>
        <translation>Sold</translation>
    </message>
    <message>
        <source>Stok</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>Nilai stok</source>
        <translation>Stock value</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Saluran &amp;&amp; acara</source>
        <translation>Channels &amp;&amp; events</translation>
    </message>
    <message>
        <source>Produk terlaris</source>
        <translation>Top products</translation>
    </message>
    <message>
        <source>Kurang laku</source>
        <translation>Slow movers</translation>
    </message>
    <message>
        <source>Stok menipis</source>
        <translation>Low stock</translation>
    </message>
    <message>
        <source>Per hari</source>
        <translation>By day</translation>
    </message>
    <message>
        <source>Menghitung…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <source>Kotor {0}</source>
        <translation>Gross {0}</translation>
    </message>
    <message>
        <source>{0} barang</source>
        <translation>{0} items</translation>
    </message>
    <message>
        <source>Diskon {0}</source>
        <translation>Discount {0}</translation>
    </message>
    <message>
        <source>{0} retur</source>
        <translation>{0} returns</translation>
    </message>
    <message>
        <source>Harga pokok {0}</source>
        <translation>Cost {0}</translation>
    </message>
    <message>
        <source>{0} produk, harga jual {1}</source>
        <translation>{0} products, selling price {1}</translation>
    </message>
    <message>
        <source>{0}% dari batas {1} — sisa {2}</source>
        <translation>{0}% of the {1} cap — {2} left</translation>
    </message>
    <message>
        <source>Penjualan per jam ({0})</source>
        <translation>Sales by hour ({0})</translation>
    </message>
    <message>
        <source>Penjualan per jam ({0}) — {1}</source>
        <translation>Sales by hour ({0}) — {1}</translation>
    </message>
    <message>
        <source>Kode unik transfer</source>
        <translation>Transfer unique codes</translation>
    </message>
    <message>
        <source>Pembulatan (sudah di tunai)</source>
        <translation>Rounding (already in cash)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Simpan laporan</source>
        <translation>Save report</translation>
    </message>
    <message>
        <source>Simpan buku kas</source>
        <translation>Save the cash book</translation>
    </message>
    <message>
        <source>Menyimpan {0}…</source>
        <translation>Saving {0}…</translation>
    </message>
    <message>
        <source>Tersimpan: {0}</source>
        <translation>Saved: {0}</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Pulihkan toko</source>
        <translation>Restore shop</translation>
    </message>
    <message>
        <source>Berkas cadangan terenkripsi (.pekenbak)</source>
        <translation>Encrypted backup file (.pekenbak)</translation>
    </message>
    <message>
        <source>Server PEKEN</source>
        <translation>PEKEN server</translation>
    </message>
    <message>
        <source>Sumber</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Pilih berkas…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Berkas</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Cadangan di server</source>
        <translation>Backups on the server</translation>
    </message>
    <message>
        <source>12 kata pemulihan, dipisah spasi</source>
        <translation>12 recovery words, separated by spaces</translation>
    </message>
    <message>
        <source>Frasa pemulihan</source>
        <translation>Recovery phrase</translation>
    </message>
    <message>
        <source>Pulihkan</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Pilih cadangan terenkripsi</source>
        <translation>Choose an encrypted backup</translation>
    </message>
    <message>
        <source>Cadangan terenkripsi (*.pekenbak);;Semua (*)</source>
        <translation>Encrypted backups (*.pekenbak);;All files (*)</translation>
    </message>
    <message>
        <source>Daftarkan perangkat ini dulu di Pengaturan → PEKEN dengan kode baru dari admin PEKEN, lalu pulihkan dari server.</source>
        <translation>First register this device in Settings → PEKEN with a new code from the PEKEN admin, then restore from the server.</translation>
    </message>
    <message>
        <source>Server belum menyimpan cadangan toko ini.</source>
        <translation>The server has no backups of this shop yet.</translation>
    </message>
</context>
<context>
    <name>RestoreShop</name>
    <message>
        <source>Pilih berkas cadangan</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <source>Frasa pemulihan</source>
        <translation>Recovery phrase</translation>
    </message>
    <message>
        <source>Ketik frasa pemulihan cadangan ini (kata-kata yang dicatat pemilik).</source>
        <translation>Type this backup’s recovery phrase (the words the owner wrote down).</translation>
    </message>
    <message>
        <source>Toko baru ini diganti dengan isi cadangan &apos;%1&apos;. Lanjutkan?</source>
        <translation>This new shop will be replaced by the backup &apos;%1&apos;. Continue?</translation>
    </message>
    <message>
        <source>Cadangan toko (*%1 *.sqlite *.db *.bak);;Semua (*)</source>
        <translation>Shop backups (*%1 *.sqlite *.db *.bak);;All files (*)</translation>
    </message>
    <message>
        <source>Pulihkan toko</source>
        <translation>Restore shop</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Retur ke pemasok: {0}</source>
        <translation>Return to supplier: {0}</translation>
    </message>
    <message>
        <source>dibeli {0}</source>
        <translation>bought {0}</translation>
    </message>
    <message>
        <source>mis. rusak, kedaluwarsa</source>
        <translation>e.g. damaged, expired</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Uang kembali ke laci kas</source>
        <translation>Money back into the drawer</translation>
    </message>
    <message>
        <source>Uang kembali ke rekening bank</source>
        <translation>Money back to the bank account</translation>
    </message>
    <message>
        <source>Jika sudah lunas</source>
        <translation>If already paid</translation>
    </message>
    <message>
        <source>Retur mengurangi utang; kelebihannya dikembalikan pemasok.</source>
        <translation>A return lowers what is owed; the supplier refunds any excess.</translation>
    </message>
    <message>
        <source>Retur</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ScaleBox</name>
    <message>
        <source>Timbangan label (barcode berat/harga)</source>
        <translation>Label scale (weight/price barcode)</translation>
    </message>
    <message>
        <source>Baca barcode dari timbangan label</source>
        <translation>Read barcodes from a label scale</translation>
    </message>
    <message>
        <source>Berat (gram)</source>
        <translation>Weight (grams)</translation>
    </message>
    <message>
        <source>Harga (rupiah)</source>
        <translation>Price (rupiah)</translation>
    </message>
    <message>
        <source>Ada cek digit harga sebelum nilainya</source>
        <translation>Price check digit before the value</translation>
    </message>
    <message>
        <source>Awalan (20–29, pisah koma)</source>
        <translation>Prefixes (20–29, comma-separated)</translation>
    </message>
    <message>
        <source>Jumlah angka PLU</source>
        <translation>PLU digits</translation>
    </message>
    <message>
        <source>Isi barcode</source>
        <translation>Barcode holds</translation>
    </message>
    <message>
        <source>Contoh: {code} = PLU 123, 0,750 kg</source>
        <translation>Example: {code} = PLU 123, 0.75 kg</translation>
    </message>
    <message>
        <source>Contoh: {code} = PLU 123, harga {price}</source>
        <translation>Example: {code} = PLU 123, price {price}</translation>
    </message>
</context>
<context>
    <name>ScanField</name>
    <message>
        <source>Pindai barcode / ketik nama  (3* = jumlah 3)</source>
        <translation>Scan a barcode / type a name  (3* = quantity 3)</translation>
    </message>
</context>
<context>
    <name>SecondFolderBox</name>
    <message>
        <source>Pilih folder kedua…</source>
        <translation>Choose a second folder…</translation>
    </message>
    <message>
        <source>Jangan pakai folder kedua</source>
        <translation>Do not use a second folder</translation>
    </message>
    <message>
        <source>Periksa salinan</source>
        <translation>Check the copy</translation>
    </message>
    <message>
        <source>Pilih folder cadangan kedua</source>
        <translation>Choose the second backup folder</translation>
    </message>
    <message>
        <source>Folder kedua harus lain dari folder cadangan utama — pilih folder di flashdisk.</source>
        <translation>The second folder must differ from the main backup folder — choose a folder on the USB drive.</translation>
    </message>
    <message>
        <source>Folder cadangan kedua (flashdisk): %1</source>
        <translation>Second backup folder (USB drive): %1</translation>
    </message>
    <message>
        <source>Folder cadangan kedua (flashdisk): belum diatur</source>
        <translation>Second backup folder (USB drive): not set</translation>
    </message>
    <message>
        <source>Memeriksa salinan…</source>
        <translation>Checking the copy…</translation>
    </message>
    <message>
        <source>Belum diatur. Pasang flashdisk lalu pilih foldernya agar cadangan juga tersimpan di luar komputer ini.</source>
        <translation>Not set. Plug in a USB drive and choose its folder so backups are also kept outside this computer.</translation>
    </message>
    <message>
        <source>Folder kedua tidak ditemukan — flashdisk belum dipasang?</source>
        <translation>Second folder not found — is the USB drive plugged in?</translation>
    </message>
    <message>
        <source>Belum ada cadangan untuk disalin.</source>
        <translation>No backup to copy yet.</translation>
    </message>
    <message>
        <source>Cadangan terbaru %1 belum tersalin ke folder kedua.</source>
        <translation>The latest backup %1 is not copied to the second folder yet.</translation>
    </message>
    <message>
        <source>Salinan di folder kedua diperiksa cocok: %1</source>
        <translation>The copy in the second folder was checked and matches: %1</translation>
    </message>
    <message>
        <source>Salinan di folder kedua RUSAK: %1. Tekan Periksa salinan untuk menyalin ulang, atau ganti flashdisk.</source>
        <translation>The copy in the second folder is DAMAGED: %1. Press Check the copy to copy it again, or change the USB drive.</translation>
    </message>
</context>
<context>
    <name>SellDialogs</name>
    <message>
        <source>&apos;{text}&apos; bukan persen yang sah.</source>
        <translation>&apos;{text}&apos; is not a valid percentage.</translation>
    </message>
    <message>
        <source>Diskon persen harus antara 0 dan 100.</source>
        <translation>A percentage discount must be between 0 and 100.</translation>
    </message>
    <message>
        <source>Diskon tidak boleh negatif.</source>
        <translation>A discount cannot be negative.</translation>
    </message>
</context>
<context>
    <name>SellScreen</name>
    <message>
        <source>Keranjang masih kosong.</source>
        <translation>The cart is still empty.</translation>
    </message>
    <message>
        <source>Stok habis: {name}</source>
        <translation>Out of stock: {name}</translation>
    </message>
    <message>
        <source>Stok tinggal {left} {unit}: {name}</source>
        <translation>Only {left} {unit} left: {name}</translation>
    </message>
    <message>
        <source>Diskon untuk &lt;b&gt;{name}&lt;/b&gt; ({amount})</source>
        <translation>Discount on &lt;b&gt;{name}&lt;/b&gt; ({amount})</translation>
    </message>
    <message>
        <source>Diskon untuk seluruh pesanan ({amount})</source>
        <translation>Discount on the whole order ({amount})</translation>
    </message>
    <message>
        <source>Barcode {code} belum terdaftar.</source>
        <translation>Barcode {code} is not registered.</translation>
    </message>
    <message>
        <source>Keranjang kosong tidak perlu ditahan.</source>
        <translation>An empty cart need not be held.</translation>
    </message>
    <message>
        <source>Keranjang ditahan. Lanjutkan dengan F9.</source>
        <translation>Cart held. Resume it with F9.</translation>
    </message>
    <message>
        <source>Ditutup {time}</source>
        <translation>Closed {time}</translation>
    </message>
    <message>
        <source>Ditahan {time}</source>
        <translation>Held {time}</translation>
    </message>
    <message>
        <source>Keranjang dilanjutkan.</source>
        <translation>Cart resumed.</translation>
    </message>
    <message>
        <source>Kosongkan keranjang ({amount})? Semua baris akan dihapus.</source>
        <translation>Clear the cart ({amount})? All lines will be removed.</translation>
    </message>
    <message>
        <source>Kosongkan keranjang</source>
        <translation>Clear cart</translation>
    </message>
    <message>
        <source>Keranjang dikosongkan.</source>
        <translation>Cart cleared.</translation>
    </message>
    <message>
        <source>Pelanggan: {name}</source>
        <translation>Customer: {name}</translation>
    </message>
    <message>
        <source>Isi</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Subtotal</translation>
    </message>
    <message>
        <source>Diskon pesanan (F6)</source>
        <translation>Order discount (F6)</translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation>TOTAL</translation>
    </message>
    <message>
        <source>Tahan (F8)</source>
        <translation>Hold (F8)</translation>
    </message>
    <message>
        <source>Ditahan (F9)</source>
        <translation>Held (F9)</translation>
    </message>
    <message>
        <source>BAYAR (F12)</source>
        <translation>PAY (F12)</translation>
    </message>
    <message>
        <source>Bantuan (F1)</source>
        <translation>Help (F1)</translation>
    </message>
    <message>
        <source>Siap. Pindai barcode atau ketik nama produk.</source>
        <translation>Ready. Scan a barcode or type a product name.</translation>
    </message>
    <message>
        <source>Catatan pesanan (F7), mis. dibungkus terpisah</source>
        <translation>Order note (F7), e.g. wrap separately</translation>
    </message>
    <message>
        <source>Produk cepat</source>
        <translation>Quick products</translation>
    </message>
    <message>
        <source>Tidak ada produk yang cocok dengan &apos;{query}&apos;.</source>
        <translation>No product matches &apos;{query}&apos;.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; sudah diarsipkan dan tidak dijual.</source>
        <translation>&apos;{name}&apos; is archived and not for sale.</translation>
    </message>
    <message>
        <source>Tidak ada yang bisa dibatalkan.</source>
        <translation>Nothing to undo.</translation>
    </message>
    <message>
        <source>{count} baris</source>
        <translation>{count} lines</translation>
    </message>
    <message>
        <source>Saluran: {name}</source>
        <translation>Channel: {name}</translation>
    </message>
    <message>
        <source>Keranjang terakhir dipulihkan: {count} baris, {amount}.</source>
        <translation>Last cart restored: {count} lines, {amount}.</translation>
    </message>
    <message>
        <source>Keranjang terakhir dipulihkan</source>
        <translation>Last cart restored</translation>
    </message>
    <message>
        <source>Keranjang belum tersimpan di berkas toko; selesaikan atau tahan (F8) sebelum menutup.</source>
        <translation>The cart is not saved in the shop file; finish or hold it (F8) before closing.</translation>
    </message>
    <message>
        <source>Tersimpan {number}</source>
        <translation>Saved {number}</translation>
    </message>
    <message>
        <source>Kembalian {amount}</source>
        <translation>Change {amount}</translation>
    </message>
    <message>
        <source>Pesanan {number} tersimpan</source>
        <translation>Order {number} saved</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Toko</source>
        <translation>Shop</translation>
    </message>
    <message>
        <source>Pembayaran</source>
        <translation>Payments</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>PEKEN</source>
        <translation>PEKEN</translation>
    </message>
    <message>
        <source>Pengguna</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Cadangan</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>Bahasa</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Terkunci</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>Pengaturan hanya untuk pemilik. Minta pemilik memasukkan PIN.</source>
        <translation>Settings are for the owner only. Ask the owner to enter their PIN.</translation>
    </message>
    <message>
        <source>Buka dengan PIN pemilik…</source>
        <translation>Unlock with the owner&apos;s PIN…</translation>
    </message>
</context>
<context>
    <name>ShiftBar</name>
    <message>
        <source>Buka shift</source>
        <translation>Open shift</translation>
    </message>
    <message>
        <source>Tutup shift</source>
        <translation>Close shift</translation>
    </message>
    <message>
        <source>Laporan Z terakhir</source>
        <translation>Last Z report</translation>
    </message>
    <message>
        <source>Kas keluar (F10)</source>
        <translation>Cash out (F10)</translation>
    </message>
    <message>
        <source>Catat uang yang diambil dari laci (listrik, belanja…)</source>
        <translation>Record money taken from the drawer (electricity, shopping…)</translation>
    </message>
    <message>
        <source>Tidak ada shift yang terbuka.</source>
        <translation>No shift is open.</translation>
    </message>
    <message>
        <source>Shift #{0} dibuka {1}, modal awal {2}</source>
        <translation>Shift #{0} opened {1}, opening float {2}</translation>
    </message>
    <message>
        <source>Belum ada shift yang ditutup.</source>
        <translation>No shift has been closed yet.</translation>
    </message>
</context>
<context>
    <name>ShopPage</name>
    <message>
        <source>Nama dan alamat ini tercetak di struk. Zona waktu menentukan tanggal di struk dan laporan.</source>
        <translation>The name and address are printed on the receipt. The time zone sets the dates on receipts and reports.</translation>
    </message>
    <message>
        <source>mis. Toko Berkah Jaya</source>
        <translation>e.g. Toko Berkah Jaya</translation>
    </message>
    <message>
        <source>mis. Jl. Darmo 12, Surabaya</source>
        <translation>e.g. Jl. Darmo 12, Surabaya</translation>
    </message>
    <message>
        <source>WIB (UTC+7) — Jawa, Sumatra, Kalimantan Barat</source>
        <translation>WIB (UTC+7) — Java, Sumatra, West Kalimantan</translation>
    </message>
    <message>
        <source>WITA (UTC+8) — Bali, NTB, NTT, Sulawesi</source>
        <translation>WITA (UTC+8) — Bali, NTB, NTT, Sulawesi</translation>
    </message>
    <message>
        <source>WIT (UTC+9) — Maluku, Papua</source>
        <translation>WIT (UTC+9) — Maluku, Papua</translation>
    </message>
    <message>
        <source>Nama toko</source>
        <translation>Shop name</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Zona waktu</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <source>Toko Anda</source>
        <translation>Your shop</translation>
    </message>
</context>
<context>
    <name>ShopTab</name>
    <message>
        <source>PPN aktif (harga jual sudah termasuk PPN)</source>
        <translation>VAT (PPN) on (selling prices include PPN)</translation>
    </message>
    <message>
        <source>WIB (UTC+7)</source>
        <translation>WIB (UTC+7)</translation>
    </message>
    <message>
        <source>WITA (UTC+8)</source>
        <translation>WITA (UTC+8)</translation>
    </message>
    <message>
        <source>WIT (UTC+9)</source>
        <translation>WIT (UTC+9)</translation>
    </message>
    <message>
        <source>Nama toko</source>
        <translation>Shop name</translation>
    </message>
    <message>
        <source>Pemilik</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Telepon / WA</source>
        <translation>Phone / WhatsApp</translation>
    </message>
    <message>
        <source>NPWP (opsional)</source>
        <translation>Tax ID (NPWP, optional)</translation>
    </message>
    <message>
        <source>Kode perangkat (untuk nomor pesanan)</source>
        <translation>Device code (for order numbers)</translation>
    </message>
    <message>
        <source>Jangan jual melebihi stok (stok tidak boleh minus)</source>
        <translation>Do not sell beyond stock (stock may not go below zero)</translation>
    </message>
    <message>
        <source>Profil toko</source>
        <translation>Shop profile</translation>
    </message>
    <message>
        <source>Zona waktu</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <source>Penjualan</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>Teks kaki struk</source>
        <translation>Receipt footer text</translation>
    </message>
    <message>
        <source>Jumlah terbesar per baris</source>
        <translation>Largest quantity per line</translation>
    </message>
    <message>
        <source>PEKEN online (dilihat pembeli)</source>
        <translation>PEKEN online (seen by buyers)</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Jam ambil pesanan</source>
        <translation>Order pickup hours</translation>
    </message>
    <message>
        <source>Rekening untuk pembeli</source>
        <translation>Account for buyers</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>{bank} {number} a.n. {holder}</source>
        <translation>{bank} {number} ({holder})</translation>
    </message>
    <message>
        <source>Disembunyikan admin kota:</source>
        <translation>Hidden by the city admin:</translation>
    </message>
    <message>
        <source>Tersimpan.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Pengaturan toko disimpan</source>
        <translation>Shop settings saved</translation>
    </message>
</context>
<context>
    <name>StartupErrors</name>
    <message>
        <source>Berkas toko tidak bisa dibaca</source>
        <translation>The shop file cannot be read</translation>
    </message>
    <message>
        <source>PEKEN Kasir tidak bisa membaca berkas toko ini. Periksa apakah berkasnya masih ada, bukan folder, dan Anda berhak membukanya.</source>
        <translation>PEKEN Kasir cannot read this shop file. Check that the file still exists, is not a folder, and that you may open it.</translation>
    </message>
    <message>
        <source>Berkas toko rusak</source>
        <translation>The shop file is damaged</translation>
    </message>
    <message>
        <source>Isi berkas toko rusak sehingga tidak bisa dibuka. Berkas tidak diubah. Pakai cadangan terbaru dari folder &apos;backups&apos; di samping berkas toko, atau dari flashdisk cadangan.</source>
        <translation>The contents of the shop file are damaged, so it cannot be opened. The file was not changed. Use the latest backup from the &apos;backups&apos; folder next to the shop file, or from the backup USB drive.</translation>
    </message>
    <message>
        <source>Bukan berkas toko PEKEN Kasir</source>
        <translation>Not a PEKEN Kasir shop file</translation>
    </message>
    <message>
        <source>Berkas ini bukan database toko PEKEN Kasir. Berkas tidak diubah. Pilih berkas toko yang benar (biasanya berakhiran .sqlite).</source>
        <translation>This file is not a PEKEN Kasir shop database. The file was not changed. Choose the right shop file (it usually ends in .sqlite).</translation>
    </message>
    <message>
        <source>Berkas toko hanya-baca</source>
        <translation>The shop file is read-only</translation>
    </message>
    <message>
        <source>Berkas toko ini ditandai hanya-baca (misalnya disalin dari CD atau flashdisk yang dikunci), jadi penjualan tidak bisa disimpan ke berkas ini. Berkas tidak diubah. Hilangkan tanda hanya-baca lalu buka lagi, atau buka salinannya. Penjualan yang dicatat di salinan tidak masuk ke berkas asli.</source>
        <translation>This shop file is marked read-only (for example copied from a CD or a locked USB drive), so sales cannot be saved to it. The file was not changed. Remove the read-only mark and open it again, or open a copy. Sales recorded in the copy do not go into the original file.</translation>
    </message>
    <message>
        <source>Folder berkas toko hanya-baca</source>
        <translation>The shop file&apos;s folder is read-only</translation>
    </message>
    <message>
        <source>PEKEN Kasir perlu membuat berkas pendamping (-wal dan -shm) di folder berkas toko, tetapi folder itu tidak bisa ditulisi. Berkas tidak diubah. Pindahkan berkas toko ke folder yang bisa ditulisi, atau buka salinannya. Penjualan yang dicatat di salinan tidak masuk ke berkas asli.</source>
        <translation>PEKEN Kasir needs to create companion files (-wal and -shm) in the shop file&apos;s folder, but that folder cannot be written to. The file was not changed. Move the shop file to a folder that can be written to, or open a copy. Sales recorded in the copy do not go into the original file.</translation>
    </message>
    <message>
        <source>Berkas toko dari versi yang lebih baru</source>
        <translation>The shop file is from a newer version</translation>
    </message>
    <message>
        <source>Berkas toko ini dibuat oleh PEKEN Kasir versi yang lebih baru. Perbarui aplikasi ini dulu, lalu buka lagi. Berkas tidak diubah.</source>
        <translation>This shop file was made by a newer version of PEKEN Kasir. Update this app first, then open it again. The file was not changed.</translation>
    </message>
    <message>
        <source>Disk penuh</source>
        <translation>Disk full</translation>
    </message>
    <message>
        <source>Ruang kosong di disk tempat berkas toko tersimpan tidak cukup. Kosongkan ruang disk (hapus berkas yang tidak perlu atau pindahkan cadangan lama), lalu buka lagi. Berkas tidak diubah.</source>
        <translation>There is not enough free space on the disk that holds the shop file. Free some disk space (delete files you do not need or move old backups), then open it again. The file was not changed.</translation>
    </message>
    <message>
        <source>Berkas toko sedang dipakai</source>
        <translation>The shop file is in use</translation>
    </message>
    <message>
        <source>Berkas toko ini sedang dibuka oleh PEKEN Kasir lain (di komputer ini atau lewat jaringan). Tutup dulu yang lain itu, lalu tekan Coba lagi.</source>
        <translation>This shop file is open in another PEKEN Kasir (on this computer or over the network). Close that one first, then press Try again.</translation>
    </message>
    <message>
        <source>PEKEN Kasir tidak bisa dibuka</source>
        <translation>PEKEN Kasir cannot open</translation>
    </message>
    <message>
        <source>Terjadi kesalahan saat membuka berkas toko. Berkas tidak diubah.</source>
        <translation>An error occurred while opening the shop file. The file was not changed.</translation>
    </message>
    <message>
        <source>PEKEN Kasir — berkas toko</source>
        <translation>PEKEN Kasir — shop file</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Buka salinannya</source>
        <translation>Open a copy</translation>
    </message>
    <message>
        <source>Coba lagi</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Catatan kesalahan: %1</source>
        <translation>Error log: %1</translation>
    </message>
    <message>
        <source>Berkas: %1</source>
        <translation>File: %1</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Sen</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>Sel</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>Rab</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>Kam</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>Jum</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>Sab</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>PEKEN: belum terhubung</source>
        <translation>PEKEN: not connected</translation>
    </message>
    <message>
        <source>Printer: belum diatur</source>
        <translation>Printer: not set up</translation>
    </message>
    <message>
        <source>Kasir: {name}</source>
        <translation>Cashier: {name}</translation>
    </message>
</context>
<context>
    <name>StockDialogs</name>
    <message>
        <source>Rusak</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <source>Hilang</source>
        <translation>Lost</translation>
    </message>
    <message>
        <source>Kadaluarsa</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Lainnya</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Stok</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <source>Satuan</source>
        <translation>Unit</translation>
    </message>
</context>
<context>
    <name>StocktakeDialog</name>
    <message>
        <source>Jumlah sebelum &apos;*&apos; harus lebih dari nol.</source>
        <translation>The quantity before &apos;*&apos; must be more than zero.</translation>
    </message>
    <message>
        <source>Stok opname</source>
        <translation>Stocktake</translation>
    </message>
    <message>
        <source>Scan barcode atau ketik SKU lalu Enter (12*kode = tambah 12)</source>
        <translation>Scan a barcode or type a SKU, then Enter (12*code = add 12)</translation>
    </message>
    <message>
        <source>Catatan opname, mis. Opname akhir bulan rak depan</source>
        <translation>Stocktake note, e.g. Month-end count, front shelf</translation>
    </message>
    <message>
        <source>Simpan opname</source>
        <translation>Save stocktake</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Hitung barang di rak: setiap scan menambah 1; scan barcode kemasan (dus, renteng) menambah isinya. Kolom &apos;Dihitung&apos; bisa diketik: 85, 2 dus, atau 2 dus 5.</source>
        <translation>Count the goods on the shelf: every scan adds 1; scanning a pack barcode (box, strip) adds what the pack holds. The &apos;Counted&apos; column can be typed in: 85, 2 box, or 2 box 5.</translation>
    </message>
    <message>
        <source>Barcode/SKU &apos;%s&apos; tidak dikenal.</source>
        <translation>Barcode/SKU &apos;%s&apos; is unknown.</translation>
    </message>
    <message>
        <source>%d produk dihitung, %d berselisih (kurang %s, lebih %s).</source>
        <translation>%d products counted, %d differ (short %s, over %s).</translation>
    </message>
    <message>
        <source>Simpan %d selisih stok dari %d produk yang dihitung?</source>
        <translation>Save %d stock differences from %d counted products?</translation>
    </message>
</context>
<context>
    <name>StocktakeModel</name>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Satuan</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Sistem</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>Dihitung</source>
        <translation>Counted</translation>
    </message>
    <message>
        <source>Selisih</source>
        <translation>Difference</translation>
    </message>
</context>
<context>
    <name>SupplierDialog</name>
    <message>
        <source>Ubah pemasok</source>
        <translation>Edit supplier</translation>
    </message>
    <message>
        <source>Pemasok baru</source>
        <translation>New supplier</translation>
    </message>
    <message>
        <source>mis. CV Sumber Rejeki</source>
        <translation>e.g. CV Sumber Rejeki</translation>
    </message>
    <message>
        <source>mis. 0812 3456 7890</source>
        <translation>e.g. 0812 3456 7890</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SuppliersTab</name>
    <message>
        <source>Cari pemasok (nama atau telepon)</source>
        <translation>Search suppliers (name or phone)</translation>
    </message>
    <message>
        <source>Pemasok baru (Ctrl+N)</source>
        <translation>New supplier (Ctrl+N)</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>belum pernah</source>
        <translation>never</translation>
    </message>
    <message>
        <source>baru saja</source>
        <translation>just now</translation>
    </message>
    <message>
        <source>PEKEN: belum terdaftar</source>
        <translation>PEKEN: not enrolled</translation>
    </message>
    <message>
        <source>menyinkronkan…</source>
        <translation>syncing…</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>{minutes} mnt lalu</source>
        <translation>{minutes} min ago</translation>
    </message>
    <message>
        <source>{count} antre</source>
        <translation>{count} queued</translation>
    </message>
    <message>
        <source>sinkron {ago}</source>
        <translation>synced {ago}</translation>
    </message>
    <message>
        <source>{count} ditolak</source>
        <translation>{count} rejected</translation>
    </message>
</context>
<context>
    <name>TransferPanel</name>
    <message>
        <source>Salin no. rek.</source>
        <translation>Copy account no.</translation>
    </message>
    <message>
        <source>Salin jumlah</source>
        <translation>Copy amount</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>No. rekening</source>
        <translation>Account no.</translation>
    </message>
    <message>
        <source>Atas nama</source>
        <translation>Account holder</translation>
    </message>
    <message>
        <source>Total belanja</source>
        <translation>Order total</translation>
    </message>
    <message>
        <source>Kode unik</source>
        <translation>Unique code</translation>
    </message>
    <message>
        <source>TRANSFER KE REKENING TOKO</source>
        <translation>TRANSFER TO THE SHOP’S ACCOUNT</translation>
    </message>
    <message>
        <source>Jumlah yang harus ditransfer (tepat):</source>
        <translation>Amount to transfer (exactly):</translation>
    </message>
    <message>
        <source>{bank} {number} a.n. {holder}</source>
        <translation>{bank} {number} ({holder})</translation>
    </message>
    <message>
        <source>Belum ada rekening bank. Tambahkan di Pengaturan → Pembayaran.</source>
        <translation>No bank account yet. Add one in Settings → Payments.</translation>
    </message>
    <message>
        <source>  (potongan untuk pembeli)</source>
        <translation>  (discount for the buyer)</translation>
    </message>
    <message>
        <source>Minta pembeli mentransfer tepat sampai 3 angka terakhir, supaya uangnya mudah dicocokkan dengan pesanan ini.</source>
        <translation>Ask the buyer to transfer the exact amount, down to the last 3 digits, so the money is easy to match to this order.</translation>
    </message>
    <message>
        <source>Disalin: </source>
        <translation>Copied: </translation>
    </message>
    <message>
        <source>Pilih rekening tujuan transfer.</source>
        <translation>Choose the account to transfer to.</translation>
    </message>
</context>
<context>
    <name>UnitQtyField</name>
    <message>
        <source>mis. 24 atau 3 dus</source>
        <translation>e.g. 24 or 3 box</translation>
    </message>
</context>
<context>
    <name>UpdateNotice</name>
    <message>
        <source>Versi baru %1 tersedia — &lt;a href=&quot;%2&quot;&gt;Unduh&lt;/a&gt;</source>
        <translation>New version %1 available — &lt;a href=&quot;%2&quot;&gt;Download&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Tutup pemberitahuan ini</source>
        <translation>Close this notice</translation>
    </message>
</context>
<context>
    <name>UserDialogs</name>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>4–8 angka</source>
        <translation>4–8 digits</translation>
    </message>
    <message>
        <source>ulangi PIN</source>
        <translation>repeat PIN</translation>
    </message>
    <message>
        <source>PIN baru</source>
        <translation>New PIN</translation>
    </message>
    <message>
        <source>Ulangi PIN</source>
        <translation>Repeat PIN</translation>
    </message>
    <message>
        <source>Kedua PIN tidak sama. Ketik ulang.</source>
        <translation>The two PINs differ. Type them again.</translation>
    </message>
</context>
<context>
    <name>UserError</name>
    <message>
        <source>Berkas &apos;{name}&apos; tidak ditemukan.</source>
        <translation>File &apos;{name}&apos; not found.</translation>
    </message>
    <message>
        <source>Berkas &apos;{name}&apos; rusak (pemeriksaan integritas gagal: {value}).</source>
        <translation>File &apos;{name}&apos; is damaged (integrity check failed: {value}).</translation>
    </message>
    <message>
        <source>Berkas &apos;{name}&apos; bukan database toko PEKEN Kasir (tidak ada versi skema).</source>
        <translation>File &apos;{name}&apos; is not a PEKEN Kasir shop database (no schema version).</translation>
    </message>
    <message>
        <source>Berkas &apos;{name}&apos; memakai skema &apos;{value}&apos; yang tidak dikenal versi aplikasi ini (mungkin dari versi yang lebih baru).</source>
        <translation>File &apos;{name}&apos; uses schema &apos;{value}&apos;, unknown to this version of the app (perhaps from a newer version).</translation>
    </message>
    <message>
        <source>Berkas &apos;{name}&apos; bukan database toko yang lengkap (tabel hilang: {value}).</source>
        <translation>File &apos;{name}&apos; is not a complete shop database (missing tables: {value}).</translation>
    </message>
    <message>
        <source>Berkas yang dipilih adalah berkas toko yang sedang dipakai.</source>
        <translation>The chosen file is the shop file in use.</translation>
    </message>
    <message>
        <source>Folder cadangan &apos;{folder}&apos; tidak bisa dibuat: {value}</source>
        <translation>Backup folder &apos;{folder}&apos; cannot be created: {value}</translation>
    </message>
    <message>
        <source>Cadangan gagal dibuat di &apos;{folder}&apos;: {exc}</source>
        <translation>Backup could not be made in &apos;{folder}&apos;: {exc}</translation>
    </message>
    <message>
        <source>Cadangan gagal disimpan di &apos;{folder}&apos;: {value}</source>
        <translation>Backup could not be saved in &apos;{folder}&apos;: {value}</translation>
    </message>
    <message>
        <source>Berkas &apos;{name}&apos; bukan database SQLite, jadi bukan cadangan toko.</source>
        <translation>File &apos;{name}&apos; is not an SQLite database, so it is not a shop backup.</translation>
    </message>
    <message>
        <source>Berkas &apos;{name}&apos; rusak atau bukan database toko: {exc}.</source>
        <translation>File &apos;{name}&apos; is damaged or not a shop database: {exc}.</translation>
    </message>
    <message>
        <source>Pemulihan gagal, data lama tetap dipakai: {exc}</source>
        <translation>Restore failed, the old data is still in use: {exc}</translation>
    </message>
    <message>
        <source>Folder cadangan kedua &apos;{folder}&apos; tidak ditemukan (flashdisk belum dipasang?).</source>
        <translation>Second backup folder &apos;{folder}&apos; not found (is the USB drive plugged in?).</translation>
    </message>
    <message>
        <source>Salinan cadangan di &apos;{folder}&apos; tidak sama dengan aslinya: {problem}</source>
        <translation>The backup copy in &apos;{folder}&apos; differs from the original: {problem}</translation>
    </message>
    <message>
        <source>Cadangan gagal disalin ke &apos;{folder}&apos;: {reason}</source>
        <translation>Backup could not be copied to &apos;{folder}&apos;: {reason}</translation>
    </message>
    <message>
        <source>Jumlah harus lebih dari 0.</source>
        <translation>The quantity must be more than 0.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; dijual per {unit}, jumlah harus bulat.</source>
        <translation>&apos;{name}&apos; is sold per {unit}; the quantity must be whole.</translation>
    </message>
    <message>
        <source>Stok {name} tinggal {left} {unit}; toko ini tidak menjual melebihi stok.</source>
        <translation>Only {left} {unit} of {name} left in stock; this shop does not sell beyond its stock.</translation>
    </message>
    <message>
        <source>Diskon harus rupiah bulat, nol atau lebih.</source>
        <translation>The discount must be whole rupiah, zero or more.</translation>
    </message>
    <message>
        <source>Diskon melebihi harga.</source>
        <translation>The discount is more than the price.</translation>
    </message>
    <message>
        <source>Diskon persen harus antara 0 dan 100.</source>
        <translation>A percentage discount must be between 0 and 100.</translation>
    </message>
    <message>
        <source>Jumlah harus rupiah bulat lebih dari nol.</source>
        <translation>The amount must be whole rupiah above zero.</translation>
    </message>
    <message>
        <source>Jumlah terlalu besar; periksa lagi angkanya.</source>
        <translation>The amount is too large; check the figure again.</translation>
    </message>
    <message>
        <source>Foto nota terlalu besar (maks. {mb} MB).</source>
        <translation>The receipt photo is too large (max. {mb} MB).</translation>
    </message>
    <message>
        <source>Persetujuan pemilik tidak berlaku. Minta PIN pemilik lagi.</source>
        <translation>The owner&apos;s approval is not valid. Ask for the owner&apos;s PIN again.</translation>
    </message>
    <message>
        <source>Catatan terlalu panjang (maks. {n} huruf).</source>
        <translation>The note is too long (max. {n} characters).</translation>
    </message>
    <message>
        <source>Kategori &apos;Lain-lain&apos; perlu catatan.</source>
        <translation>The category &apos;Other&apos; needs a note.</translation>
    </message>
    <message>
        <source>SKU wajib diisi: huruf, angka, &apos;-&apos;, &apos;_&apos; atau &apos;.&apos;, maks. 40.</source>
        <translation>The SKU is required: letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;, at most 40.</translation>
    </message>
    <message>
        <source>Nama produk wajib diisi (2–160 karakter).</source>
        <translation>The product name is required (2–160 characters).</translation>
    </message>
    <message>
        <source>Satuan &apos;{unit}&apos; tidak dikenal.</source>
        <translation>Unknown unit &apos;{unit}&apos;.</translation>
    </message>
    <message>
        <source>Stok minimum tidak boleh negatif.</source>
        <translation>The minimum stock cannot be negative.</translation>
    </message>
    <message>
        <source>{label} harus bilangan bulat rupiah.</source>
        <translation>{label} must be whole rupiah.</translation>
    </message>
    <message>
        <source>{label} harus {word}.</source>
        <translation>{label} must be {word}.</translation>
    </message>
    <message>
        <source>{label} terlalu besar.</source>
        <translation>{label} is too large.</translation>
    </message>
    <message>
        <source>SKU &apos;{sku}&apos; sudah dipakai produk lain.</source>
        <translation>SKU &apos;{sku}&apos; is already used by another product.</translation>
    </message>
    <message>
        <source>Kategori tidak ditemukan.</source>
        <translation>Category not found.</translation>
    </message>
    <message>
        <source>Produk #{product_id} tidak ditemukan.</source>
        <translation>Product #{product_id} not found.</translation>
    </message>
    <message>
        <source>Barcode &apos;{code_name}&apos; tidak sah.</source>
        <translation>Barcode &apos;{code_name}&apos; is not valid.</translation>
    </message>
    <message>
        <source>Barcode &apos;{code_name}&apos; ditulis dua kali.</source>
        <translation>Barcode &apos;{code_name}&apos; is written twice.</translation>
    </message>
    <message>
        <source>Barcode &apos;{code_name}&apos; sudah dipakai produk lain.</source>
        <translation>Barcode &apos;{code_name}&apos; is already used by another product.</translation>
    </message>
    <message>
        <source>Barcode &apos;{code_name}&apos; sudah dipakai kemasan lain produk ini.</source>
        <translation>Barcode &apos;{code_name}&apos; is already used by another pack of this product.</translation>
    </message>
    <message>
        <source>Zona waktu toko tidak dikenal: {zone}.</source>
        <translation>Unknown shop time zone: {zone}.</translation>
    </message>
    <message>
        <source>Nomor HP &apos;{phone}&apos; tidak sah: hanya angka, spasi atau tanda -.</source>
        <translation>Mobile number &apos;{phone}&apos; is not valid: only digits, spaces or dashes.</translation>
    </message>
    <message>
        <source>Nomor HP &apos;{phone}&apos; tidak sah: tulis seperti 0812-3456-7890.</source>
        <translation>Mobile number &apos;{phone}&apos; is not valid: write it like 0812-3456-7890.</translation>
    </message>
    <message>
        <source>Nama pelanggan wajib diisi.</source>
        <translation>Enter the customer&apos;s name.</translation>
    </message>
    <message>
        <source>Nama pelanggan terlalu panjang (maks. {max} huruf).</source>
        <translation>The customer&apos;s name is too long (max. {max} characters).</translation>
    </message>
    <message>
        <source>Batas kasbon {limit} tidak sah.</source>
        <translation>Credit limit {limit} is not valid.</translation>
    </message>
    <message>
        <source>Pelanggan tidak ditemukan.</source>
        <translation>Customer not found.</translation>
    </message>
    <message>
        <source>Pilih dua pelanggan yang berbeda untuk digabung.</source>
        <translation>Choose two different customers to merge.</translation>
    </message>
    <message>
        <source>Pelanggan {name} sudah digabung sebelumnya.</source>
        <translation>Customer {name} was already merged.</translation>
    </message>
    <message>
        <source>Nomor HP &apos;{phone}&apos; bukan nomor Indonesia (+62).</source>
        <translation>Mobile number &apos;{phone}&apos; is not an Indonesian number (+62).</translation>
    </message>
    <message>
        <source>Nomor HP {phone} sudah dipakai pelanggan {name}.</source>
        <translation>Mobile number {phone} is already used by customer {name}.</translation>
    </message>
    <message>
        <source>Berkas toko &apos;{name}&apos; dibuat oleh versi PEKEN Kasir yang lebih baru (skema {revision}). Perbarui aplikasi sebelum membuka berkas ini.</source>
        <translation>Shop file &apos;{name}&apos; was made by a newer version of PEKEN Kasir (schema {revision}). Update the app before opening this file.</translation>
    </message>
    <message>
        <source>Berkas &apos;{path}&apos; bukan database toko PEKEN Kasir: {exc}</source>
        <translation>File &apos;{path}&apos; is not a PEKEN Kasir shop database: {exc}</translation>
    </message>
    <message>
        <source>Toko ini sudah punya pengguna; tambah pemilik di Pengaturan → Pengguna.</source>
        <translation>This shop already has users; add an owner in Settings → Users.</translation>
    </message>
    <message>
        <source>Kedua PIN tidak sama. Ketik PIN yang sama dua kali.</source>
        <translation>The two PINs differ. Type the same PIN twice.</translation>
    </message>
    <message>
        <source>Keranjang kosong tidak perlu ditahan.</source>
        <translation>An empty cart need not be held.</translation>
    </message>
    <message>
        <source>Keranjang yang ditahan tidak ditemukan (mungkin sudah dilanjutkan).</source>
        <translation>The held cart was not found (perhaps it was already resumed).</translation>
    </message>
    <message>
        <source>Impor ditolak: {count} baris salah. Tidak ada yang disimpan.</source>
        <translation>Import refused: {count} rows are wrong. Nothing was saved.</translation>
    </message>
    <message>
        <source>Ekspor hanya ke .csv atau .xlsx, bukan &apos;{value}&apos;.</source>
        <translation>Export only to .csv or .xlsx, not &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; harus ditulis nama=isi@harga, mis. dus=40@150000.</source>
        <translation>&apos;{text}&apos; must be written name=qty@price, e.g. box=40@150000.</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; harus ditulis nama=barcode, mis. dus=8991234000012.</source>
        <translation>&apos;{text}&apos; must be written name=barcode, e.g. box=8991234000012.</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; harus ditulis jumlah@harga, mis. 12@3300 atau dus:5@145000 atau 1@3200[reseller].</source>
        <translation>&apos;{text}&apos; must be written quantity@price, e.g. 12@3300 or box:5@145000 or 1@3200[reseller].</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; harus ditulis opsi=nilai, mis. Ukuran=L.</source>
        <translation>&apos;{text}&apos; must be written option=value, e.g. Size=L.</translation>
    </message>
    <message>
        <source>produk induk &apos;{sku}&apos; tidak ditemukan.</source>
        <translation>parent product &apos;{sku}&apos; not found.</translation>
    </message>
    <message>
        <source>opsi varian harus {value} seperti induknya.</source>
        <translation>the variant&apos;s options must be {value}, like its parent.</translation>
    </message>
    <message>
        <source>Baris {line}: {exc} Tidak ada yang disimpan.</source>
        <translation>Line {line}: {exc} Nothing was saved.</translation>
    </message>
    <message>
        <source>Nama &apos;{value}&apos; dipakai {count} produk: isi kolom SKU supaya jelas produk mana yang diperbarui.</source>
        <translation>The name &apos;{value}&apos; is used by {count} products: fill in the SKU column so it is clear which product to update.</translation>
    </message>
    <message>
        <source>Jenis berkas &apos;{value}&apos; tidak didukung: pakai CSV atau XLSX.</source>
        <translation>File type &apos;{value}&apos; is not supported: use CSV or XLSX.</translation>
    </message>
    <message>
        <source>Berkas &apos;{path}&apos; tidak ditemukan.</source>
        <translation>File &apos;{path}&apos; not found.</translation>
    </message>
    <message>
        <source>Berkas kosong: tidak ada baris judul kolom.</source>
        <translation>The file is empty: there is no header row.</translation>
    </message>
    <message>
        <source>Berkas CSV rusak di baris {line_num}: {exc}</source>
        <translation>The CSV file is broken at line {line_num}: {exc}</translation>
    </message>
    <message>
        <source>Berkas Excel &apos;{name}&apos; tidak bisa dibaca: {exc}</source>
        <translation>Excel file &apos;{name}&apos; cannot be read: {exc}</translation>
    </message>
    <message>
        <source>Berkas terlalu besar: lebih dari {rows} baris.</source>
        <translation>The file is too large: more than {rows} rows.</translation>
    </message>
    <message>
        <source>{label}: &apos;{text}&apos; harus Ya atau Tidak.</source>
        <translation>{label}: &apos;{text}&apos; must be Ya (yes) or Tidak (no).</translation>
    </message>
    <message>
        <source>{label}: &apos;{text}&apos; lebih dari 3 angka desimal.</source>
        <translation>{label}: &apos;{text}&apos; has more than 3 decimals.</translation>
    </message>
    <message>
        <source>Satuan &apos;{text}&apos; tidak dikenal; pakai salah satu: {value}.</source>
        <translation>Unknown unit &apos;{text}&apos;; use one of: {value}.</translation>
    </message>
    <message>
        <source>{label}: {exc}</source>
        <translation>{label}: {exc}</translation>
    </message>
    <message>
        <source>{label}: &apos;{text}&apos; bukan angka yang sah.</source>
        <translation>{label}: &apos;{text}&apos; is not a valid number.</translation>
    </message>
    <message>
        <source>{label} tidak boleh nol.</source>
        <translation>{label} cannot be zero.</translation>
    </message>
    <message>
        <source>{label} harus lebih dari nol.</source>
        <translation>{label} must be more than zero.</translation>
    </message>
    <message>
        <source>{label} {value} tidak masuk akal (maks. {MAX_QTY}).</source>
        <translation>{label} {value} does not make sense (max. {MAX_QTY}).</translation>
    </message>
    <message>
        <source>Produk #{value} tidak ditemukan.</source>
        <translation>Product #{value} not found.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; dihitung per {unit}, jumlah harus bulat.</source>
        <translation>&apos;{name}&apos; is counted per {unit}; the quantity must be whole.</translation>
    </message>
    <message>
        <source>Pilih alasan penyesuaian: rusak, hilang, kadaluarsa atau lainnya.</source>
        <translation>Choose a reason for the adjustment: damaged, lost, expired or other.</translation>
    </message>
    <message>
        <source>Alasan &apos;lainnya&apos; perlu keterangan.</source>
        <translation>The reason &apos;other&apos; needs a note.</translation>
    </message>
    <message>
        <source>Belum ada produk yang dihitung.</source>
        <translation>No product has been counted yet.</translation>
    </message>
    <message>
        <source>Harga pokok harus rupiah bulat, nol atau lebih.</source>
        <translation>The cost price must be whole rupiah, zero or more.</translation>
    </message>
    <message>
        <source>Hitungan {value} untuk produk #{product_id} tidak sah.</source>
        <translation>The count {value} for product #{product_id} is not valid.</translation>
    </message>
    <message>
        <source>Pilih minimal satu label untuk dicetak.</source>
        <translation>Choose at least one label to print.</translation>
    </message>
    <message>
        <source>Terlalu banyak label sekaligus (maks. {MAX_LABELS}).</source>
        <translation>Too many labels at once (max. {MAX_LABELS}).</translation>
    </message>
    <message>
        <source>Format label &apos;{layout}&apos; tidak dikenal.</source>
        <translation>Unknown label format &apos;{layout}&apos;.</translation>
    </message>
    <message>
        <source>Jumlah label untuk &apos;{name}&apos; tidak boleh negatif.</source>
        <translation>The number of labels for &apos;{name}&apos; cannot be negative.</translation>
    </message>
    <message>
        <source>Produk &apos;{name}&apos; tidak punya barcode atau SKU untuk label.</source>
        <translation>Product &apos;{name}&apos; has no barcode or SKU for a label.</translation>
    </message>
    <message>
        <source>Folder cadangan terenkripsi &apos;{folder}&apos; tidak ditemukan (flashdisk belum dipasang?).</source>
        <translation>Encrypted backup folder &apos;{folder}&apos; not found (is the USB drive plugged in?).</translation>
    </message>
    <message>
        <source>Berkas &apos;{name}&apos; adalah cadangan toko lain; toko ini tidak diubah.</source>
        <translation>File &apos;{name}&apos; is a backup of another shop; this shop was not changed.</translation>
    </message>
    <message>
        <source>Siapkan frasa pemulihan dulu (Pengaturan → Cadangan).</source>
        <translation>Set up the recovery phrase first (Settings → Backup).</translation>
    </message>
    <message>
        <source>Cadangan terenkripsi gagal disimpan di &apos;{folder}&apos;: {reason}</source>
        <translation>The encrypted backup could not be saved in &apos;{folder}&apos;: {reason}</translation>
    </message>
    <message>
        <source>Berkas &apos;{name}&apos; bukan cadangan terenkripsi PEKEN Kasir.</source>
        <translation>File &apos;{name}&apos; is not a PEKEN Kasir encrypted backup.</translation>
    </message>
    <message>
        <source>Berkas &apos;{name}&apos; dibuat oleh versi PEKEN Kasir yang lebih baru; perbarui aplikasi dulu.</source>
        <translation>File &apos;{name}&apos; was made by a newer version of PEKEN Kasir; update the app first.</translation>
    </message>
    <message>
        <source>Berkas &apos;{name}&apos; rusak (kepala berkas tidak wajar).</source>
        <translation>File &apos;{name}&apos; is damaged (invalid file header).</translation>
    </message>
    <message>
        <source>Frasa pemulihan salah untuk berkas &apos;{name}&apos;. Pakai frasa yang dicatat pemilik saat cadangan terenkripsi disiapkan.</source>
        <translation>Wrong recovery phrase for file &apos;{name}&apos;. Use the phrase the owner wrote down when encrypted backups were set up.</translation>
    </message>
    <message>
        <source>Berkas &apos;{name}&apos; rusak (ukuran isi tidak cocok).</source>
        <translation>File &apos;{name}&apos; is damaged (content size does not match).</translation>
    </message>
    <message>
        <source>Berkas &apos;{name}&apos; rusak atau telah diubah; tidak ada yang dipulihkan.</source>
        <translation>File &apos;{name}&apos; is damaged or was altered; nothing was restored.</translation>
    </message>
    <message>
        <source>Kata ke-{n} &apos;{word}&apos; tidak ada di daftar kata pemulihan.</source>
        <translation>Word {n} &apos;{word}&apos; is not in the recovery word list.</translation>
    </message>
    <message>
        <source>Frasa pemulihan harus {n} kata (tertulis {got} kata).</source>
        <translation>The recovery phrase must have {n} words ({got} typed).</translation>
    </message>
    <message>
        <source>Frasa pemulihan salah ketik: periksa setiap kata dan urutannya.</source>
        <translation>The recovery phrase has a typo: check each word and the order.</translation>
    </message>
    <message>
        <source>Parameter kunci pada berkas cadangan tidak wajar.</source>
        <translation>The key parameters in the backup file are invalid.</translation>
    </message>
    <message>
        <source>Pencarian printer hanya untuk jaringan IPv4.</source>
        <translation>Printer search works on IPv4 networks only.</translation>
    </message>
    <message>
        <source>Hanya jaringan lokal (mis. 192.168.x.x) yang boleh dicari.</source>
        <translation>Only local networks (e.g. 192.168.x.x) may be searched.</translation>
    </message>
    <message>
        <source>Jaringan terlalu besar: paling banyak {most} alamat (/24).</source>
        <translation>Network too large: at most {most} addresses (/24).</translation>
    </message>
    <message>
        <source>Jaringan &apos;{text}&apos; tidak dikenali; tulis seperti 192.168.1.0/24.</source>
        <translation>Network &apos;{text}&apos; not recognised; write it like 192.168.1.0/24.</translation>
    </message>
    <message>
        <source>{label} harus bilangan bulat.</source>
        <translation>{label} must be a whole number.</translation>
    </message>
    <message>
        <source>{label} harus antara {value} dan {count}.</source>
        <translation>{label} must be between {value} and {count}.</translation>
    </message>
    <message>
        <source>Tanggal selesai tidak boleh sebelum tanggal mulai.</source>
        <translation>The end date cannot be before the start date.</translation>
    </message>
    <message>
        <source>Pilih paling sedikit satu hari.</source>
        <translation>Choose at least one day.</translation>
    </message>
    <message>
        <source>Isi jam mulai dan jam selesai, atau kosongkan keduanya.</source>
        <translation>Enter both the start and end time, or leave both empty.</translation>
    </message>
    <message>
        <source>Nama promo wajib diisi (2–80 karakter).</source>
        <translation>Enter the promo name (2–80 characters).</translation>
    </message>
    <message>
        <source>Pilih produk atau kategori yang kena promo.</source>
        <translation>Choose the products or categories the promo applies to.</translation>
    </message>
    <message>
        <source>Paling banyak {count} produk/kategori per promo.</source>
        <translation>At most {count} products/categories per promo.</translation>
    </message>
    <message>
        <source>Produk induk itu belum punya varian.</source>
        <translation>That parent product has no variants yet.</translation>
    </message>
    <message>
        <source>Kanal/acara promo tidak ditemukan.</source>
        <translation>The promo&apos;s channel/event was not found.</translation>
    </message>
    <message>
        <source>Belum ada shift yang dibuka. Buka shift dulu untuk mencatat kas keluar.</source>
        <translation>No shift is open yet. Open a shift first to record cash out.</translation>
    </message>
    <message>
        <source>Kas keluar {amount} di atas batas {limit}: perlu PIN pemilik.</source>
        <translation>Cash out of {amount} is above the limit of {limit}: the owner&apos;s PIN is needed.</translation>
    </message>
    <message>
        <source>Belum ada shift yang dibuka. Buka shift dulu untuk mencatat kas masuk.</source>
        <translation>No shift is open yet. Open a shift first to record cash in.</translation>
    </message>
    <message>
        <source>Kas masuk {amount} di atas batas {limit}: perlu PIN pemilik.</source>
        <translation>Cash in of {amount} is above the limit of {limit}: the owner&apos;s PIN is needed.</translation>
    </message>
    <message>
        <source>Belum ada shift yang dibuka: bayar kasbon tunai masuk ke laci shift. Buka shift dulu di Laporan → Shift, atau terima lewat transfer/QRIS.</source>
        <translation>No shift is open yet: credit paid in cash goes into the shift&apos;s drawer. Open a shift first in Reports → Shift, or take the payment by transfer/QRIS.</translation>
    </message>
    <message>
        <source>Pembayaran kasbon ini sudah dikonfirmasi.</source>
        <translation>This credit payment has already been confirmed.</translation>
    </message>
    <message>
        <source>Pembayaran kasbon ini sudah dibatalkan.</source>
        <translation>This credit payment has already been cancelled.</translation>
    </message>
    <message>
        <source>{qty} × isi {factor} = {exact}: lebih dari 3 desimal, ubah jumlahnya.</source>
        <translation>{qty} × {factor} per pack = {exact}: more than 3 decimals, change the quantity.</translation>
    </message>
    <message>
        <source>Tulis satu jumlah dalam satu satuan, mis. 3 atau 3 dus.</source>
        <translation>Write one quantity in one unit, e.g. 3 or 3 box.</translation>
    </message>
    <message>
        <source>Satuan &apos;{name}&apos; tidak dikenal untuk produk ini.</source>
        <translation>Unit &apos;{name}&apos; is not known for this product.</translation>
    </message>
    <message>
        <source>Pesanan ini sudah diambil.</source>
        <translation>This order has already been picked up.</translation>
    </message>
    <message>
        <source>Pesanan ini sudah dibatalkan.</source>
        <translation>This order has already been cancelled.</translation>
    </message>
    <message>
        <source>Cara bayar DP harus tunai, transfer, QRIS atau lainnya.</source>
        <translation>A deposit must be paid by cash, transfer, QRIS or other.</translation>
    </message>
    <message>
        <source>Belum ada shift yang dibuka: DP tunai masuk ke laci shift. Buka shift dulu di Laporan → Shift, atau pilih transfer/QRIS.</source>
        <translation>No shift is open yet: a cash deposit goes into the shift&apos;s drawer. Open a shift first in Reports → Shift, or choose transfer/QRIS.</translation>
    </message>
    <message>
        <source>Belum ada shift yang dibuka: DP tunai dikembalikan dari laci shift. Buka shift dulu di Laporan → Shift, atau pilih DP disimpan toko.</source>
        <translation>No shift is open yet: a cash deposit is refunded from the shift&apos;s drawer. Open a shift first in Reports → Shift, or choose &apos;The shop keeps the deposit&apos;.</translation>
    </message>
    <message>
        <source>Belum ada shift yang dibuka: sisa bayar tunai masuk ke laci shift. Buka shift dulu di Laporan → Shift, atau pilih transfer/QRIS.</source>
        <translation>No shift is open yet: the balance paid in cash goes into the shift&apos;s drawer. Open a shift first in Reports → Shift, or choose transfer/QRIS.</translation>
    </message>
    <message>
        <source>Promo #{promo_id} tidak ditemukan.</source>
        <translation>Promo #{promo_id} not found.</translation>
    </message>
    <message>
        <source>Jam mulai dan jam selesai tidak boleh sama.</source>
        <translation>The start and end time cannot be the same.</translation>
    </message>
    <message>
        <source>Jenis promo tidak dikenal.</source>
        <translation>Unknown promo type.</translation>
    </message>
    <message>
        <source>Tiap baris promo berisi satu produk atau satu kategori.</source>
        <translation>Each promo row holds one product or one category.</translation>
    </message>
    <message>
        <source>Produk promo #{product_id} tidak ditemukan.</source>
        <translation>Promo product #{product_id} not found.</translation>
    </message>
    <message>
        <source>Paket berisi paling sedikit 2 barang.</source>
        <translation>A bundle holds at least 2 items.</translation>
    </message>
    <message>
        <source>Kategori promo tidak ditemukan.</source>
        <translation>Promo category not found.</translation>
    </message>
    <message>
        <source>Diskon persen harus lebih dari 0 sampai 100 (maks. 2 desimal).</source>
        <translation>A percentage discount must be above 0 and up to 100 (max. 2 decimals).</translation>
    </message>
    <message>
        <source>Jatuh tempo sebelum tanggal nota.</source>
        <translation>The due date is before the invoice date.</translation>
    </message>
    <message>
        <source>Nomor nota terlalu panjang (maks. 60).</source>
        <translation>The invoice number is too long (max. 60).</translation>
    </message>
    <message>
        <source>Belum ada barang di pembelian ini.</source>
        <translation>This purchase has no items yet.</translation>
    </message>
    <message>
        <source>Pembelian tidak ditemukan.</source>
        <translation>Purchase not found.</translation>
    </message>
    <message>
        <source>Produk pembelian ini belum ada di perangkat ini.</source>
        <translation>This purchase&apos;s products are not on this device yet.</translation>
    </message>
    <message>
        <source>Pesanan pembelian {number} sudah diterima semua.</source>
        <translation>Purchase order {number} has been fully received.</translation>
    </message>
    <message>
        <source>Isi jumlah barang yang diterima.</source>
        <translation>Enter the quantity received.</translation>
    </message>
    <message>
        <source>Bayar {amount} melebihi sisa utang {left}.</source>
        <translation>Paying {amount} is more than the {left} still owed.</translation>
    </message>
    <message>
        <source>Belum ada shift yang dibuka. Buka shift dulu untuk membayar dari laci.</source>
        <translation>No shift is open yet. Open a shift first to pay from the drawer.</translation>
    </message>
    <message>
        <source>Hanya barang yang sudah diterima yang bisa diretur.</source>
        <translation>Only goods already received can be returned.</translation>
    </message>
    <message>
        <source>Kemasan itu bukan kemasan &apos;{name}&apos;.</source>
        <translation>That pack is not a pack of &apos;{name}&apos;.</translation>
    </message>
    <message>
        <source>Baris {n} bukan bagian dari {number}.</source>
        <translation>Line {n} is not part of {number}.</translation>
    </message>
    <message>
        <source>Retur &apos;{name}&apos; {qty} melebihi yang diterima (sisa {left}).</source>
        <translation>Returning {qty} of &apos;{name}&apos; is more than was received ({left} left).</translation>
    </message>
    <message>
        <source>Format ekspor &apos;{kind}&apos; tidak dikenal (xlsx atau pdf).</source>
        <translation>Unknown export format &apos;{kind}&apos; (xlsx or pdf).</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; punya varian: pilih varian yang dijual (ukuran, warna…).</source>
        <translation>&apos;{name}&apos; has variants: choose the variant being sold (size, colour…).</translation>
    </message>
    <message>
        <source>PLU {plu} terlalu panjang.</source>
        <translation>PLU {plu} is too long.</translation>
    </message>
    <message>
        <source>Nilai {value} tidak muat di label timbangan.</source>
        <translation>The value {value} does not fit on the scale label.</translation>
    </message>
    <message>
        <source>Label timbangan ini memuat harga.</source>
        <translation>This scale label holds a price.</translation>
    </message>
    <message>
        <source>Harga label dan harga produk harus lebih dari nol.</source>
        <translation>The label price and the product price must be above zero.</translation>
    </message>
    <message>
        <source>Awalan barcode timbangan harus 20 sampai 29.</source>
        <translation>Scale barcode prefixes must be 20 to 29.</translation>
    </message>
    <message>
        <source>Panjang PLU harus {low} sampai {high} angka.</source>
        <translation>The PLU must be {low} to {high} digits long.</translation>
    </message>
    <message>
        <source>Cek digit harga hanya untuk nilai 4 atau 5 angka.</source>
        <translation>A price check digit is only for 4- or 5-digit values.</translation>
    </message>
    <message>
        <source>Label timbangan ini memuat berat.</source>
        <translation>This scale label holds a weight.</translation>
    </message>
    <message>
        <source>Berat harus gram bulat.</source>
        <translation>The weight must be whole grams.</translation>
    </message>
    <message>
        <source>Nama pemasok wajib diisi.</source>
        <translation>Enter the supplier&apos;s name.</translation>
    </message>
    <message>
        <source>Nama pemasok terlalu panjang (maks. 120 huruf).</source>
        <translation>The supplier&apos;s name is too long (max. 120 characters).</translation>
    </message>
    <message>
        <source>Pemasok &apos;{name}&apos; sudah ada.</source>
        <translation>Supplier &apos;{name}&apos; already exists.</translation>
    </message>
    <message>
        <source>Pemasok tidak ditemukan.</source>
        <translation>Supplier not found.</translation>
    </message>
    <message>
        <source>Perangkat ini belum terdaftar di PEKEN; daftarkan dulu (Pengaturan → PEKEN).</source>
        <translation>This device is not registered with PEKEN yet; register it first (Settings → PEKEN).</translation>
    </message>
    <message>
        <source>{label} &apos;{name}&apos; tidak sah: 1–{count} karakter, tanpa = ; : / | [ ].</source>
        <translation>{label} &apos;{name}&apos; is not valid: 1–{count} characters, without = ; : / | [ ].</translation>
    </message>
    <message>
        <source>Isi 1 sampai {count} nama opsi (mis. Ukuran, Warna).</source>
        <translation>Enter 1 to {count} option names (e.g. Size, Colour).</translation>
    </message>
    <message>
        <source>Nama opsi ditulis dua kali.</source>
        <translation>An option name is written twice.</translation>
    </message>
    <message>
        <source>Produk &apos;{name}&apos; bukan induk varian.</source>
        <translation>Product &apos;{name}&apos; is not a variant parent.</translation>
    </message>
    <message>
        <source>Varian tidak bisa menjadi induk varian lain.</source>
        <translation>A variant cannot be the parent of other variants.</translation>
    </message>
    <message>
        <source>Produk induk tidak menyimpan stok: stok &apos;{name}&apos; masih {qty}. Buat produk induk baru, atau nolkan stoknya dulu.</source>
        <translation>A parent product holds no stock: &apos;{name}&apos; still has {qty} in stock. Create a new parent product, or bring its stock to zero first.</translation>
    </message>
    <message>
        <source>Produk induk tidak punya kemasan: hapus kemasannya dulu.</source>
        <translation>A parent product has no packs: remove its packs first.</translation>
    </message>
    <message>
        <source>Jumlah opsi tidak bisa diubah setelah ada varian.</source>
        <translation>The number of options cannot change once there are variants.</translation>
    </message>
    <message>
        <source>Isi nilai untuk setiap opsi: {value}.</source>
        <translation>Enter a value for every option: {value}.</translation>
    </message>
    <message>
        <source>Paling banyak {count} varian per produk.</source>
        <translation>At most {count} variants per product.</translation>
    </message>
    <message>
        <source>Produk &apos;{name}&apos; bukan varian.</source>
        <translation>Product &apos;{name}&apos; is not a variant.</translation>
    </message>
    <message>
        <source>Varian {name} sudah ada.</source>
        <translation>Variant {name} already exists.</translation>
    </message>
    <message>
        <source>Isi 1 sampai {count} nilai untuk opsi {name}.</source>
        <translation>Enter 1 to {count} values for option {name}.</translation>
    </message>
    <message>
        <source>Perubahan dari server PEKEN tidak bisa dibaca: periksa {where}.</source>
        <translation>Changes from the PEKEN server cannot be read: check {where}.</translation>
    </message>
    <message>
        <source>QRIS ini dinamis (tag 01 = 12, untuk satu transaksi). Pindai QRIS statis dari stiker toko.</source>
        <translation>This QRIS is dynamic (tag 01 = 12, for one transaction). Scan the static QRIS from the shop’s sticker.</translation>
    </message>
    <message>
        <source>QRIS ini sudah berisi nominal (tag 54). Pindai QRIS statis dari stiker toko.</source>
        <translation>This QRIS already contains an amount (tag 54). Scan the static QRIS from the shop’s sticker.</translation>
    </message>
    <message>
        <source>Jumlah &apos;{text}&apos; bukan angka yang sah.</source>
        <translation>Quantity &apos;{text}&apos; is not a valid number.</translation>
    </message>
    <message>
        <source>Jumlah belum diisi.</source>
        <translation>The quantity is not filled in.</translation>
    </message>
    <message>
        <source>Jumlah &apos;{text}&apos; punya lebih dari 3 angka di belakang koma.</source>
        <translation>Quantity &apos;{text}&apos; has more than 3 digits after the decimal comma.</translation>
    </message>
    <message>
        <source>Jumlah &apos;{text}&apos; terlalu besar.</source>
        <translation>Quantity &apos;{text}&apos; is too large.</translation>
    </message>
    <message>
        <source>Jumlah {qty} terlalu besar: paling banyak {limit} per baris (batas di Pengaturan → Toko).</source>
        <translation>Quantity {qty} is too large: at most {limit} per line (limit in Settings → Shop).</translation>
    </message>
    <message>
        <source>Data untuk server PEKEN tidak sah: periksa {where}.</source>
        <translation>Data for the PEKEN server is invalid: check {where}.</translation>
    </message>
    <message>
        <source>&apos;{raw}&apos; bukan jumlah rupiah yang sah.</source>
        <translation>&apos;{raw}&apos; is not a valid rupiah amount.</translation>
    </message>
    <message>
        <source>Jumlah harus angka desimal seperti &quot;-2.000&quot;.</source>
        <translation>The quantity must be a decimal number like &quot;-2.000&quot;.</translation>
    </message>
    <message>
        <source>Jumlah boleh paling banyak 3 angka di belakang koma.</source>
        <translation>The quantity may have at most 3 decimal places.</translation>
    </message>
    <message>
        <source>Jumlah terlalu besar.</source>
        <translation>The quantity is too large.</translation>
    </message>
    <message>
        <source>Jumlah &apos;{qty}&apos; bukan angka yang sah.</source>
        <translation>Quantity &apos;{qty}&apos; is not a valid number.</translation>
    </message>
    <message>
        <source>Jumlah tidak boleh negatif.</source>
        <translation>The quantity cannot be negative.</translation>
    </message>
    <message>
        <source>Jumlah &apos;{text}&apos; tidak jelas: pakai koma untuk desimal (1,5) dan titik untuk ribuan (1.000).</source>
        <translation>Quantity &apos;{text}&apos; is unclear: use a comma for decimals (1,5) and a dot for thousands (1.000).</translation>
    </message>
    <message>
        <source>&apos;{raw}&apos; memakai sen; rupiah harus bilangan bulat.</source>
        <translation>&apos;{raw}&apos; has cents; rupiah must be whole.</translation>
    </message>
    <message>
        <source>Jumlah retur &apos;{name}&apos; harus lebih dari nol.</source>
        <translation>The refund quantity of &apos;{name}&apos; must be more than zero.</translation>
    </message>
    <message>
        <source>Retur &apos;{name}&apos; {qty} melebihi yang terjual (sisa yang bisa diretur {left}).</source>
        <translation>Refund of &apos;{name}&apos; {qty} is more than was sold (left to refund: {left}).</translation>
    </message>
    <message>
        <source>Pesanan {number} belum lunas, tidak bisa diretur.</source>
        <translation>Order {number} is not paid, it cannot be refunded.</translation>
    </message>
    <message>
        <source>Tulis alasan retur.</source>
        <translation>Write the reason for the refund.</translation>
    </message>
    <message>
        <source>Pilih barang yang diretur.</source>
        <translation>Choose the items to refund.</translation>
    </message>
    <message>
        <source>Pesanan {number} tidak tertunda (status: {status_name}).</source>
        <translation>Order {number} is not pending (status: {status_name}).</translation>
    </message>
    <message>
        <source>Pesanan {number} sudah ada pembayaran yang dikonfirmasi.</source>
        <translation>Order {number} already has a confirmed payment.</translation>
    </message>
    <message>
        <source>Tulis alasan pembatalan.</source>
        <translation>Write the reason for voiding.</translation>
    </message>
    <message>
        <source>Pembayaran #{payment_id} tidak ditemukan.</source>
        <translation>Payment #{payment_id} not found.</translation>
    </message>
    <message>
        <source>Pembayaran ini sudah dikonfirmasi sebelumnya.</source>
        <translation>This payment was already confirmed.</translation>
    </message>
    <message>
        <source>Pembayaran ini berstatus &apos;{status_name}&apos;, tidak bisa dikonfirmasi.</source>
        <translation>This payment is &apos;{status_name}&apos;, it cannot be confirmed.</translation>
    </message>
    <message>
        <source>Uang masuk {received} tidak sama dengan tagihan {due}.</source>
        <translation>The money received, {received}, differs from the amount due, {due}.</translation>
    </message>
    <message>
        <source>Baris mutasi ini sudah dipakai untuk konfirmasi lain.</source>
        <translation>This statement line was already used for another confirmation.</translation>
    </message>
    <message>
        <source>Baris #{line_id} bukan bagian dari {number}.</source>
        <translation>Line #{line_id} is not part of {number}.</translation>
    </message>
    <message>
        <source>Hanya pemilik yang boleh {what}. Silakan masuk dulu.</source>
        <translation>Only the owner may {what}. Please log in first.</translation>
    </message>
    <message>
        <source>Hanya pemilik yang boleh {what}. Minta pemilik memasukkan PIN.</source>
        <translation>Only the owner may {what}. Ask the owner to enter the PIN.</translation>
    </message>
    <message>
        <source>Tidak ada kode QR yang terbaca di foto ini. Foto stiker QRIS dari dekat, lurus dan terang, lalu coba lagi.</source>
        <translation>No QR code could be read in this photo. Photograph the QRIS sticker close up, straight and well lit, then try again.</translation>
    </message>
    <message>
        <source>Foto {name} tidak bisa dibuka: pakai berkas JPG atau PNG.</source>
        <translation>Photo {name} cannot be opened: use a JPG or PNG file.</translation>
    </message>
    <message>
        <source>Data QRIS kosong</source>
        <translation>The QRIS data is empty</translation>
    </message>
    <message>
        <source>QRIS harus diawali tag 00 bernilai 01 (000201)</source>
        <translation>A QRIS must start with tag 00 set to 01 (000201)</translation>
    </message>
    <message>
        <source>QRIS tidak diakhiri tag 63 (CRC); mungkin terpotong</source>
        <translation>The QRIS does not end with tag 63 (CRC); it may be cut off</translation>
    </message>
    <message>
        <source>CRC QRIS harus 4 digit heksadesimal huruf besar, tertulis {value!r}</source>
        <translation>The QRIS CRC must be 4 upper-case hexadecimal digits, found {value!r}</translation>
    </message>
    <message>
        <source>CRC QRIS salah: tertulis {value}, seharusnya {expected}</source>
        <translation>Wrong QRIS CRC: found {value}, expected {expected}</translation>
    </message>
    <message>
        <source>Tag 01 QRIS harus 11 atau 12, tertulis {value!r}</source>
        <translation>QRIS tag 01 must be 11 or 12, found {value!r}</translation>
    </message>
    <message>
        <source>Mata uang QRIS harus 360 (rupiah), tertulis {value!r}</source>
        <translation>The QRIS currency must be 360 (rupiah), found {value!r}</translation>
    </message>
    <message>
        <source>Kode negara QRIS harus ID, tertulis {value!r}</source>
        <translation>The QRIS country code must be ID, found {value!r}</translation>
    </message>
    <message>
        <source>QRIS tidak berisi data akun merchant (tag 26 sampai 51)</source>
        <translation>The QRIS holds no merchant account data (tags 26 to 51)</translation>
    </message>
    <message>
        <source>Tag QRIS harus 2 angka, tertulis {tag!r}</source>
        <translation>A QRIS tag must be 2 digits, found {tag!r}</translation>
    </message>
    <message>
        <source>Isi tag {tag} terlalu panjang ({count} karakter, maks. 99)</source>
        <translation>The value of tag {tag} is too long ({count} characters, max. 99)</translation>
    </message>
    <message>
        <source>Nominal QRIS harus rupiah bulat, tertulis {amount!r}</source>
        <translation>The QRIS amount must be whole rupiah, found {amount!r}</translation>
    </message>
    <message>
        <source>Nominal QRIS harus lebih dari Rp0, tertulis {amount}</source>
        <translation>The QRIS amount must be more than Rp0, found {amount}</translation>
    </message>
    <message>
        <source>Nominal QRIS {amount} melebihi batas {MAX_AMOUNT} per transaksi</source>
        <translation>The QRIS amount {amount} is over the limit of {MAX_AMOUNT} per transaction</translation>
    </message>
    <message>
        <source>QRIS ini sudah dinamis (tag 01 = 12); simpan QRIS statis dari stiker</source>
        <translation>This QRIS is already dynamic (tag 01 = 12); save the static QRIS from the sticker</translation>
    </message>
    <message>
        <source>QRIS ini sudah berisi nominal ({value}); pakai QRIS statis</source>
        <translation>This QRIS already holds an amount ({value}); use a static QRIS</translation>
    </message>
    <message>
        <source>Nominal QRIS (tag 54) tidak bisa dibaca: {text!r}</source>
        <translation>The QRIS amount (tag 54) cannot be read: {text!r}</translation>
    </message>
    <message>
        <source>QRIS terpotong atau rusak {where} di posisi {value}: tag dan panjang harus 4 angka, tertulis {head!r}</source>
        <translation>The QRIS is cut off or damaged {where} at position {value}: tag and length must be 4 digits, found {head!r}</translation>
    </message>
    <message>
        <source>QRIS terpotong {where}: tag {tag} seharusnya {length} karakter, tersisa {count}</source>
        <translation>The QRIS is cut off {where}: tag {tag} should have {length} characters, {count} left</translation>
    </message>
    <message>
        <source>Tag {tag} muncul dua kali {where}</source>
        <translation>Tag {tag} appears twice {where}</translation>
    </message>
    <message>
        <source>QRIS berisi karakter yang tidak diizinkan {char!r} di posisi {value}</source>
        <translation>The QRIS holds a character that is not allowed, {char!r}, at position {value}</translation>
    </message>
    <message>
        <source>QRIS tidak lengkap: tag {tag} ({name}) tidak ada</source>
        <translation>The QRIS is incomplete: tag {tag} ({name}) is missing</translation>
    </message>
    <message>
        <source>Tag {tag} kosong</source>
        <translation>Tag {tag} is empty</translation>
    </message>
    <message>
        <source>Pembulatan tunai {step} tidak dikenal.</source>
        <translation>Unknown cash rounding {step}.</translation>
    </message>
    <message>
        <source>Kasbon {name} jadi {after}, melebihi batas {limit}. Perlu PIN pemilik.</source>
        <translation>{name}&apos;s credit would be {after}, over the limit of {limit}. The owner&apos;s PIN is needed.</translation>
    </message>
    <message>
        <source>Kasbon perlu pelanggan: pilih pelanggan dulu (F11).</source>
        <translation>Credit needs a customer: choose the customer first (F11).</translation>
    </message>
    <message>
        <source>Pelanggan {name} sudah digabung/diarsipkan.</source>
        <translation>Customer {name} has been merged/archived.</translation>
    </message>
    <message>
        <source>Cara bayar kasbon harus tunai, transfer atau QRIS.</source>
        <translation>A credit payment must be cash, transfer or QRIS.</translation>
    </message>
    <message>
        <source>Pembayaran {amount} melebihi sisa kasbon {owed}.</source>
        <translation>The payment of {amount} is more than the {owed} credit owed.</translation>
    </message>
    <message>
        <source>Pembayaran kasbon #{entry_id} tidak ditemukan.</source>
        <translation>Credit payment #{entry_id} not found.</translation>
    </message>
    <message>
        <source>Pelanggan belum punya nomor HP untuk WhatsApp.</source>
        <translation>The customer has no mobile number for WhatsApp yet.</translation>
    </message>
    <message>
        <source>Pelanggan {name} belum punya nomor HP untuk WhatsApp.</source>
        <translation>Customer {name} has no mobile number for WhatsApp yet.</translation>
    </message>
    <message>
        <source>{label} paling banyak 3 angka desimal.</source>
        <translation>{label} has at most 3 decimal places.</translation>
    </message>
    <message>
        <source>Nama kemasan wajib diisi (maks. {count} karakter).</source>
        <translation>Enter the pack name (max. {count} characters).</translation>
    </message>
    <message>
        <source>Nama kemasan &apos;{name}&apos; tidak boleh memuat = @ ; : [ ] |.</source>
        <translation>Pack name &apos;{name}&apos; cannot contain = @ ; : [ ] |.</translation>
    </message>
    <message>
        <source>Kemasan &apos;{name}&apos; sama dengan satuan dasar produk.</source>
        <translation>Pack &apos;{name}&apos; is the same as the product&apos;s base unit.</translation>
    </message>
    <message>
        <source>Isi kemasan &apos;{name}&apos; harus selain 1 {unit}.</source>
        <translation>Pack &apos;{name}&apos; must hold something other than 1 {unit}.</translation>
    </message>
    <message>
        <source>Kemasan #{pack_id} tidak ditemukan.</source>
        <translation>Pack #{pack_id} not found.</translation>
    </message>
    <message>
        <source>Kemasan &apos;{name}&apos; sudah ada di produk ini.</source>
        <translation>Pack &apos;{name}&apos; already exists on this product.</translation>
    </message>
    <message>
        <source>Produk induk varian tidak punya kemasan: atur di tiap varian.</source>
        <translation>A variant parent has no packs: set them on each variant.</translation>
    </message>
    <message>
        <source>Paling banyak {count} kemasan per produk.</source>
        <translation>At most {count} packs per product.</translation>
    </message>
    <message>
        <source>Kemasan &apos;{name}&apos; ditulis dua kali.</source>
        <translation>Pack &apos;{name}&apos; is written twice.</translation>
    </message>
    <message>
        <source>Grup pelanggan &apos;{name}&apos; tidak sah (maks. {count} karakter).</source>
        <translation>Customer group &apos;{name}&apos; is not valid (max. {count} characters).</translation>
    </message>
    <message>
        <source>Paling banyak {count} harga grosir per produk.</source>
        <translation>At most {count} wholesale prices per product.</translation>
    </message>
    <message>
        <source>{label} bukan angka.</source>
        <translation>{label} is not a number.</translation>
    </message>
    <message>
        <source>Harga grosir untuk kemasan &apos;{name}&apos; yang tidak ada.</source>
        <translation>Wholesale price for pack &apos;{name}&apos;, which does not exist.</translation>
    </message>
    <message>
        <source>Harga grosir Rp{price} harus di bawah harga biasa Rp{value}.</source>
        <translation>The wholesale price Rp{price} must be below the normal price Rp{value}.</translation>
    </message>
    <message>
        <source>Harga grosir dari {qty} ditulis dua kali.</source>
        <translation>The wholesale price from {qty} is written twice.</translation>
    </message>
    <message>
        <source>Cara pembulatan &apos;{mode}&apos; tidak dikenal.</source>
        <translation>Unknown rounding mode &apos;{mode}&apos;.</translation>
    </message>
    <message>
        <source>Rekening tidak ditemukan.</source>
        <translation>Bank account not found.</translation>
    </message>
    <message>
        <source>QRIS toko belum diisi. Isi di Pengaturan → Pembayaran.</source>
        <translation>The shop&apos;s QRIS is not set up. Set it in Settings → Payments.</translation>
    </message>
    <message>
        <source>Total terlalu kecil untuk dipotong kode unik.</source>
        <translation>The total is too small to take off a unique code.</translation>
    </message>
    <message>
        <source>Rekening tujuan transfer tidak ditemukan atau sudah nonaktif.</source>
        <translation>The transfer account was not found or is no longer active.</translation>
    </message>
    <message>
        <source>Tanggal uang masuk tidak boleh di masa depan.</source>
        <translation>The date the money came in cannot be in the future.</translation>
    </message>
    <message>
        <source>Baris mutasi yang masih PEND belum bisa dipakai konfirmasi.</source>
        <translation>A statement line still marked PEND cannot be used to confirm yet.</translation>
    </message>
    <message>
        <source>{order_number}: {exc}</source>
        <translation>{order_number}: {exc}</translation>
    </message>
    <message>
        <source>Berkas {name} tidak dikenali sebagai mutasi BCA, Mandiri, BRI, BNI atau Bank Jatim: judul kolom tidak ditemukan di {HEADER_SCAN_ROWS} baris pertama (baris 1: {value!r})</source>
        <translation>File {name} is not recognised as a BCA, Mandiri, BRI, BNI or Bank Jatim statement: no column headers in the first {HEADER_SCAN_ROWS} rows (row 1: {value!r})</translation>
    </message>
    <message>
        <source>Berkas mutasi {name} tidak bisa diimpor:</source>
        <translation>Statement file {name} cannot be imported:</translation>
    </message>
    <message>
        <source>Mata uang rekening harus IDR, tertulis {value!r}</source>
        <translation>The account currency must be IDR, found {value!r}</translation>
    </message>
    <message>
        <source>Berkas Excel lama (.xls) belum bisa dibaca; buka di Excel lalu simpan sebagai .xlsx atau CSV</source>
        <translation>Old Excel files (.xls) cannot be read yet; open it in Excel and save it as .xlsx or CSV</translation>
    </message>
    <message>
        <source>Berkas ini bukan berkas teks CSV atau XLSX</source>
        <translation>This file is not a CSV text file or an XLSX file</translation>
    </message>
    <message>
        <source>Berkas {name} kosong</source>
        <translation>File {name} is empty</translation>
    </message>
    <message>
        <source>Berkas {name} terlalu besar untuk mutasi rekening</source>
        <translation>File {name} is too large for a bank statement</translation>
    </message>
    <message>
        <source>Berkas {name} tidak bisa dibuka: {strerror}</source>
        <translation>File {name} cannot be opened: {strerror}</translation>
    </message>
    <message>
        <source>CSV rusak di baris {line_num}: {error}</source>
        <translation>The CSV is broken at line {line_num}: {error}</translation>
    </message>
    <message>
        <source>Berkas XLSX rusak atau tidak bisa dibaca ({error})</source>
        <translation>The XLSX file is damaged or cannot be read ({error})</translation>
    </message>
    <message>
        <source>Total di akhir berkas tidak cocok dengan baris-barisnya; berkas mungkin terpotong atau diubah:</source>
        <translation>The totals at the end of the file do not match its lines; the file may be cut off or changed:</translation>
    </message>
    <message>
        <source>Semua {MAX_CODE} kode unik untuk total {base_amount} sedang dipakai pesanan transfer yang belum dibayar ke rekening ini; konfirmasi atau batalkan sebagian dulu, atau pakai rekening lain</source>
        <translation>All {MAX_CODE} unique codes for the total {base_amount} are in use by unpaid transfer orders to this account; confirm or void some first, or use another account</translation>
    </message>
    <message>
        <source>Total untuk transfer harus rupiah bulat lebih dari Rp0, tertulis {base_amount!r}</source>
        <translation>The total for a transfer must be whole rupiah above Rp0, found {base_amount!r}</translation>
    </message>
    <message>
        <source>Pengguna tidak dikenal atau sudah nonaktif. Silakan masuk lagi.</source>
        <translation>Unknown or inactive user. Please log in again.</translation>
    </message>
    <message>
        <source>Terlalu banyak PIN salah berturut-turut. Coba lagi dalam {left} detik.</source>
        <translation>Too many wrong PINs in a row. Try again in {left} seconds.</translation>
    </message>
    <message>
        <source>{name} tidak punya izin untuk {what}. Minta pemilik memasukkan PIN.</source>
        <translation>{name} has no permission to {what}. Ask the owner to enter the PIN.</translation>
    </message>
    <message>
        <source>PIN pemilik salah. Izin untuk {what} tidak diberikan.</source>
        <translation>Wrong owner PIN. Permission to {what} was not given.</translation>
    </message>
    <message>
        <source>Persetujuan pemilik sudah tidak berlaku. Minta PIN pemilik lagi.</source>
        <translation>The owner&apos;s approval has expired. Ask for the owner&apos;s PIN again.</translation>
    </message>
    <message>
        <source>PIN {name} salah.</source>
        <translation>Wrong PIN for {name}.</translation>
    </message>
    <message>
        <source>Izin tidak dikenal: {value}.</source>
        <translation>Unknown permission: {value}.</translation>
    </message>
    <message>
        <source>{name} adalah pemilik dan sudah punya semua izin.</source>
        <translation>{name} is an owner and already has every permission.</translation>
    </message>
    <message>
        <source>Pengguna #{user_id} tidak ditemukan.</source>
        <translation>User #{user_id} not found.</translation>
    </message>
    <message>
        <source>{name} adalah satu-satunya pemilik aktif dan tidak bisa dinonaktifkan.</source>
        <translation>{name} is the only active owner and cannot be deactivated.</translation>
    </message>
    <message>
        <source>Pesanan tidak ditemukan.</source>
        <translation>Order not found.</translation>
    </message>
    <message>
        <source>Isi paling sedikit satu barang pesanan.</source>
        <translation>Enter at least one item for the order.</translation>
    </message>
    <message>
        <source>Total pesanan tidak masuk akal.</source>
        <translation>The order total does not make sense.</translation>
    </message>
    <message>
        <source>Isi nama pemesan.</source>
        <translation>Enter the customer&apos;s name.</translation>
    </message>
    <message>
        <source>Nama atau nomor HP pemesan terlalu panjang.</source>
        <translation>The customer&apos;s name or mobile number is too long.</translation>
    </message>
    <message>
        <source>Waktu ambil harus nanti, bukan yang sudah lewat.</source>
        <translation>The pickup time must be in the future, not the past.</translation>
    </message>
    <message>
        <source>DP harus lebih dari nol dan tidak melebihi sisa {due}.</source>
        <translation>The deposit must be above zero and not more than the remaining {due}.</translation>
    </message>
    <message>
        <source>DP ini tidak menunggu konfirmasi.</source>
        <translation>This deposit is not awaiting confirmation.</translation>
    </message>
    <message>
        <source>Hanya pesanan yang masih dipesan bisa ditandai siap.</source>
        <translation>Only orders still on order can be marked ready.</translation>
    </message>
    <message>
        <source>DP {amount} masih menunggu konfirmasi; konfirmasi dulu.</source>
        <translation>Deposit {amount} is still awaiting confirmation; confirm it first.</translation>
    </message>
    <message>
        <source>Nama barang pesanan belum diisi.</source>
        <translation>The ordered item&apos;s name is empty.</translation>
    </message>
    <message>
        <source>Hanya produk dari katalog yang bisa disisihkan dari stok.</source>
        <translation>Only catalog products can be set aside from stock.</translation>
    </message>
    <message>
        <source>Produk &apos;{name}&apos; belum ada di perangkat ini; tunggu sinkron.</source>
        <translation>Product &apos;{name}&apos; is not on this device yet; wait for the sync.</translation>
    </message>
    <message>
        <source>Tidak ada CUPS di komputer ini: pasang CUPS atau pakai koneksi lain.</source>
        <translation>There is no CUPS on this computer: install CUPS or use another connection.</translation>
    </message>
    <message>
        <source>Dukungan printer Windows belum terpasang (paket pywin32).</source>
        <translation>Windows printer support is not installed (package pywin32).</translation>
    </message>
    <message>
        <source>Dukungan printer USB belum terpasang (paket pyusb dan libusb).</source>
        <translation>USB printer support is not installed (packages pyusb and libusb).</translation>
    </message>
    <message>
        <source>Dukungan printer serial belum terpasang (paket pyserial).</source>
        <translation>Serial printer support is not installed (package pyserial).</translation>
    </message>
    <message>
        <source>ID USB &apos;{value}&apos; di luar rentang 0000–ffff.</source>
        <translation>USB ID &apos;{value}&apos; is outside the range 0000–ffff.</translation>
    </message>
    <message>
        <source>Lebar kertas harus 58 atau 80 mm.</source>
        <translation>The paper width must be 58 or 80 mm.</translation>
    </message>
    <message>
        <source>Code page harus salah satu dari: {names}.</source>
        <translation>The code page must be one of: {names}.</translation>
    </message>
    <message>
        <source>Pin laci uang harus 2 atau 5.</source>
        <translation>The cash drawer pin must be 2 or 5.</translation>
    </message>
    <message>
        <source>Lama pulsa laci harus 10–510 ms.</source>
        <translation>The drawer pulse must last 10–510 ms.</translation>
    </message>
    <message>
        <source>Port printer harus 1–65535.</source>
        <translation>The printer port must be 1–65535.</translation>
    </message>
    <message>
        <source>Jumlah kolom harus 16–64.</source>
        <translation>The number of columns must be 16–64.</translation>
    </message>
    <message>
        <source>Isi Vendor ID dan Product ID printer USB (lihat `lsusb`).</source>
        <translation>Fill in the Vendor ID and Product ID of the USB printer (see `lsusb`).</translation>
    </message>
    <message>
        <source>Isi alamat IP printer jaringan.</source>
        <translation>Fill in the IP address of the network printer.</translation>
    </message>
    <message>
        <source>Isi port serial printer (mis. /dev/ttyUSB0 atau COM3).</source>
        <translation>Fill in the printer&apos;s serial port (e.g. /dev/ttyUSB0 or COM3).</translation>
    </message>
    <message>
        <source>Isi lokasi berkas keluaran printer.</source>
        <translation>Fill in where the printer output file goes.</translation>
    </message>
    <message>
        <source>Nilai &apos;{value}&apos; untuk {field_name} harus bilangan bulat.</source>
        <translation>The value &apos;{value}&apos; for {field_name} must be a whole number.</translation>
    </message>
    <message>
        <source>Pengaturan printer tidak dikenal: {exc}.</source>
        <translation>Unknown printer setting: {exc}.</translation>
    </message>
    <message>
        <source>ID USB &apos;{value}&apos; tidak sah: tulis 4 digit heksadesimal seperti 0416.</source>
        <translation>USB ID &apos;{value}&apos; is not valid: write 4 hexadecimal digits such as 0416.</translation>
    </message>
    <message>
        <source>Tugas cetak tidak ditemukan (mungkin sudah tercetak).</source>
        <translation>Print job not found (perhaps it was already printed).</translation>
    </message>
    <message>
        <source>Pengaturan printer rusak; atur ulang di Pengaturan → Printer.</source>
        <translation>The printer settings are damaged; set them again in Settings → Printer.</translation>
    </message>
    <message>
        <source>Nama kategori terlalu panjang (maks. 80 karakter).</source>
        <translation>The category name is too long (max. 80 characters).</translation>
    </message>
    <message>
        <source>Produk ini sudah punya riwayat stok atau penjualan: arsipkan, jangan hapus.</source>
        <translation>This product already has stock or sales history: archive it, do not delete it.</translation>
    </message>
    <message>
        <source>Berkas itu bukan foto yang bisa dibaca (pakai JPG atau PNG).</source>
        <translation>That file is not a readable photo (use JPG or PNG).</translation>
    </message>
    <message>
        <source>Ukuran kertas PDF &apos;{paper}&apos; tidak dikenal: pilih 58mm, 80mm atau A4.</source>
        <translation>Unknown PDF paper size &apos;{paper}&apos;: choose 58mm, 80mm or A4.</translation>
    </message>
    <message>
        <source>Format ekspor &apos;{kind}&apos; tidak dikenal (csv, xlsx atau pdf).</source>
        <translation>Unknown export format &apos;{kind}&apos; (csv, xlsx or pdf).</translation>
    </message>
    <message>
        <source>Tanggal akhir laporan sebelum tanggal awal.</source>
        <translation>The report&apos;s end date is before its start date.</translation>
    </message>
    <message>
        <source>Rentang laporan paling lama 3 tahun.</source>
        <translation>A report covers at most 3 years.</translation>
    </message>
    <message>
        <source>Produk &apos;{name}&apos; tidak ditemukan lagi.</source>
        <translation>Product &apos;{name}&apos; can no longer be found.</translation>
    </message>
    <message>
        <source>Produk &apos;{name}&apos; sudah diarsipkan dan tidak bisa dijual.</source>
        <translation>Product &apos;{name}&apos; is archived and cannot be sold.</translation>
    </message>
    <message>
        <source>Jumlah &apos;{name}&apos; harus lebih dari nol.</source>
        <translation>The quantity of &apos;{name}&apos; must be more than zero.</translation>
    </message>
    <message>
        <source>Jumlah {qty} untuk &apos;{name}&apos; tidak masuk akal: paling banyak {limit} per baris.</source>
        <translation>Quantity {qty} for &apos;{name}&apos; does not make sense: at most {limit} per line.</translation>
    </message>
    <message>
        <source>Harga &apos;{name}&apos; tidak sah.</source>
        <translation>The price of &apos;{name}&apos; is not valid.</translation>
    </message>
    <message>
        <source>Pilih cara bayar.</source>
        <translation>Choose a payment method.</translation>
    </message>
    <message>
        <source>Pembayaran {paid} tidak sama dengan total {total}.</source>
        <translation>The payment {paid} differs from the total {total}.</translation>
    </message>
    <message>
        <source>Keranjang masih kosong.</source>
        <translation>The cart is still empty.</translation>
    </message>
    <message>
        <source>Saluran penjualan tidak ditemukan.</source>
        <translation>Sales channel not found.</translation>
    </message>
    <message>
        <source>Pesanan #{order_id} tidak ditemukan.</source>
        <translation>Order #{order_id} not found.</translation>
    </message>
    <message>
        <source>Cara bayar &apos;{method}&apos; tidak dikenal.</source>
        <translation>Unknown payment method &apos;{method}&apos;.</translation>
    </message>
    <message>
        <source>Jumlah bayar harus lebih dari nol.</source>
        <translation>The amount paid must be more than zero.</translation>
    </message>
    <message>
        <source>Uang diterima kurang dari jumlah bayar tunai.</source>
        <translation>The cash received is less than the cash payment.</translation>
    </message>
    <message>
        <source>Kembalian hanya untuk pembayaran tunai.</source>
        <translation>Change is only for cash payments.</translation>
    </message>
    <message>
        <source>Kode unik harus 1–999.</source>
        <translation>The unique code must be 1–999.</translation>
    </message>
    <message>
        <source>Pengaturan &apos;{label}&apos; harus bertipe {type_name}.</source>
        <translation>Setting &apos;{label}&apos; must be of type {type_name}.</translation>
    </message>
    <message>
        <source>Shift #{shift_id} tidak ditemukan.</source>
        <translation>Shift #{shift_id} not found.</translation>
    </message>
    <message>
        <source>Modal awal harus rupiah bulat, nol atau lebih.</source>
        <translation>The opening float must be whole rupiah, zero or more.</translation>
    </message>
    <message>
        <source>Modal awal terlalu besar; periksa lagi angkanya.</source>
        <translation>The opening float is too large; check the figure again.</translation>
    </message>
    <message>
        <source>Shift #{id} masih terbuka. Tutup dulu sebelum membuka shift baru.</source>
        <translation>Shift #{id} is still open. Close it before opening a new shift.</translation>
    </message>
    <message>
        <source>Shift #{id} sudah ditutup.</source>
        <translation>Shift #{id} is already closed.</translation>
    </message>
    <message>
        <source>Waktu tutup shift sebelum waktu buka.</source>
        <translation>The shift&apos;s closing time is before its opening time.</translation>
    </message>
    <message>
        <source>Pecahan &apos;{key}&apos; tidak dikenal.</source>
        <translation>Unknown denomination &apos;{key}&apos;.</translation>
    </message>
    <message>
        <source>Jumlah lembar/keping {label} harus 0–{MAX_PIECES}.</source>
        <translation>The number of {label} notes/coins must be 0–{MAX_PIECES}.</translation>
    </message>
    <message>
        <source>Nama toko wajib diisi.</source>
        <translation>The shop name is required.</translation>
    </message>
    <message>
        <source>Kode perangkat 1–8 huruf besar/angka, mis. K1.</source>
        <translation>The device code is 1–8 capital letters/digits, e.g. K1.</translation>
    </message>
    <message>
        <source>Nama acara minimal 3 huruf, mis. &apos;Bazar UMKM Balai Kota&apos;.</source>
        <translation>An event name needs at least 3 letters, e.g. &apos;Bazar UMKM Balai Kota&apos;.</translation>
    </message>
    <message>
        <source>Acara &apos;{clean}&apos; sudah ada.</source>
        <translation>Event &apos;{clean}&apos; already exists.</translation>
    </message>
    <message>
        <source>Pilih bank.</source>
        <translation>Choose a bank.</translation>
    </message>
    <message>
        <source>Nomor rekening harus 6–20 angka.</source>
        <translation>The account number must be 6–20 digits.</translation>
    </message>
    <message>
        <source>Nama pemilik rekening wajib diisi.</source>
        <translation>The account holder&apos;s name is required.</translation>
    </message>
    <message>
        <source>Kolom profil &apos;{key}&apos; tidak dikenal.</source>
        <translation>Unknown profile field &apos;{key}&apos;.</translation>
    </message>
    <message>
        <source>Alamat server PEKEN harus diawali http:// atau https://.</source>
        <translation>The PEKEN server address must start with http:// or https://.</translation>
    </message>
    <message>
        <source>Server PEKEN tidak menjawab (waktu habis).</source>
        <translation>The PEKEN server does not answer (timed out).</translation>
    </message>
    <message>
        <source>Tidak bisa terhubung ke server PEKEN (offline?).</source>
        <translation>Cannot connect to the PEKEN server (offline?).</translation>
    </message>
    <message>
        <source>Jawaban server PEKEN tidak bisa dibaca.</source>
        <translation>The PEKEN server&apos;s answer cannot be read.</translation>
    </message>
    <message>
        <source>Isi kode pendaftaran dari admin PEKEN.</source>
        <translation>Fill in the enrolment code from the PEKEN admin.</translation>
    </message>
    <message>
        <source>Jawaban server PEKEN tidak memuat hasil kiriman.</source>
        <translation>The PEKEN server&apos;s answer holds no result of what was sent.</translation>
    </message>
    <message>
        <source>Pesanan online #{order_id} tidak ditemukan.</source>
        <translation>Online order #{order_id} not found.</translation>
    </message>
    <message>
        <source>Pesanan {number} berstatus &apos;{label}&apos;, tidak bisa {action}.</source>
        <translation>Order {number} is &apos;{label}&apos;, it cannot be {action}.</translation>
    </message>
    <message>
        <source>Tulis alasan penolakan untuk pembeli.</source>
        <translation>Write the reason for the rejection for the buyer.</translation>
    </message>
    <message>
        <source>Op #{seq} tidak ditemukan.</source>
        <translation>Op #{seq} not found.</translation>
    </message>
    <message>
        <source>Op #{seq} tidak berstatus ditolak.</source>
        <translation>Op #{seq} is not rejected.</translation>
    </message>
    <message>
        <source>PIN harus 4–8 angka.</source>
        <translation>The PIN must be 4–8 digits.</translation>
    </message>
    <message>
        <source>Nama pengguna wajib diisi.</source>
        <translation>The user name is required.</translation>
    </message>
    <message>
        <source>Peran harus pemilik atau kasir.</source>
        <translation>The role must be owner or cashier.</translation>
    </message>
    <message>
        <source>Nama pengguna &apos;{clean}&apos; sudah ada.</source>
        <translation>User name &apos;{clean}&apos; already exists.</translation>
    </message>
    <message>
        <source>Nama atau PIN salah.</source>
        <translation>Wrong name or PIN.</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Boleh tanpa PIN pemilik</source>
        <translation>Allowed without the owner’s PIN</translation>
    </message>
    <message>
        <source>Pemilik</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Kasir</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Nonaktif</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>Semua</source>
        <translation>All</translation>
    </message>
    <message>
        <source>— (semua perlu PIN pemilik)</source>
        <translation>— (all need the owner’s PIN)</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <source>Kasir masuk dengan PIN sendiri. Tindakan penting (retur, batal, diskon besar, ubah harga, konfirmasi bayar, stok, pengaturan) perlu izin atau PIN pemilik, dan semuanya tercatat di log audit.</source>
        <translation>Cashiers log in with their own PIN. Important actions (returns, cancelling, big discounts, price changes, payment confirmation, stock, settings) need permission or the owner’s PIN, and all are recorded in the audit log.</translation>
    </message>
    <message>
        <source>Tambah pengguna</source>
        <translation>Add user</translation>
    </message>
    <message>
        <source>Ganti PIN</source>
        <translation>Change PIN</translation>
    </message>
    <message>
        <source>Atur izin</source>
        <translation>Set permissions</translation>
    </message>
    <message>
        <source>Nonaktifkan</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>Lihat log audit</source>
        <translation>View audit log</translation>
    </message>
    <message>
        <source>Aktifkan</source>
        <translation>Activate</translation>
    </message>
    <message>
        <source>tambah pengguna</source>
        <translation>add a user</translation>
    </message>
    <message>
        <source>ganti PIN</source>
        <translation>change a PIN</translation>
    </message>
    <message>
        <source>atur izin</source>
        <translation>set permissions</translation>
    </message>
    <message>
        <source>aktif/nonaktif pengguna</source>
        <translation>activate/deactivate a user</translation>
    </message>
</context>
<context>
    <name>VariantDialog</name>
    <message>
        <source>Pilih varian</source>
        <translation>Choose a variant</translation>
    </message>
    <message>
        <source>Varian</source>
        <translation>Variant</translation>
    </message>
    <message>
        <source>Harga</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Stok</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>Pilih</source>
        <translation>Choose</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>VariantsPart</name>
    <message>
        <source>Produk induk tidak dijual sendiri dan tidak punya stok: tiap varian punya SKU, barcode, stok dan harga sendiri.</source>
        <translation>The parent product is not sold itself and has no stock: each variant has its own SKU, barcode, stock and price.</translation>
    </message>
    <message>
        <source>Ukuran</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Warna</source>
        <translation>Colour</translation>
    </message>
    <message>
        <source>Merah, Biru</source>
        <translation>Red, Blue</translation>
    </message>
    <message>
        <source>Opsi lain (boleh kosong)</source>
        <translation>Another option (optional)</translation>
    </message>
    <message>
        <source>nilai, pisahkan dengan koma</source>
        <translation>values, separated by commas</translation>
    </message>
    <message>
        <source>Opsi %d</source>
        <translation>Option %d</translation>
    </message>
    <message>
        <source>Varian</source>
        <translation>Variant</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Harga (Rp)</source>
        <translation>Price (Rp)</translation>
    </message>
    <message>
        <source>Stok</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <source>Produk ini sebuah varian; ubah opsinya dari produk induk.</source>
        <translation>This product is a variant; change its options from the parent product.</translation>
    </message>
    <message>
        <source>Harga varian di baris %d bukan angka rupiah.</source>
        <translation>The variant price in row %d is not a rupiah amount.</translation>
    </message>
</context>
<context>
    <name>WaitingJobsDialog</name>
    <message>
        <source>sedang dicetak…</source>
        <translation>printing…</translation>
    </message>
    <message>
        <source>menunggu</source>
        <translation>waiting</translation>
    </message>
    <message>
        <source>Struk yang belum tercetak</source>
        <translation>Receipts not printed yet</translation>
    </message>
    <message>
        <source>Semua struk sudah tercetak.</source>
        <translation>All receipts have been printed.</translation>
    </message>
    <message>
        <source>Cetak ulang</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <source>Cetak ulang semua</source>
        <translation>Reprint all</translation>
    </message>
    <message>
        <source>Buang</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Hapus dari antrean; struk bisa dicetak lagi dari daftar pesanan.</source>
        <translation>Remove from the queue; the receipt can be printed again from the orders list.</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Wiring</name>
    <message>
        <source>{count} pesanan PEKEN online baru — lihat Pesanan</source>
        <translation>{count} new PEKEN online orders — see Orders</translation>
    </message>
</context>
<context>
    <name>ZReportDialog</name>
    <message>
        <source>Laporan Z</source>
        <translation>Z report</translation>
    </message>
    <message>
        <source>Cetak</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Printer belum diatur. Atur di Pengaturan → Printer.</source>
        <translation>No printer set up. Set one up in Settings → Printer.</translation>
    </message>
    <message>
        <source>Laporan Z dicetak.</source>
        <translation>Z report printed.</translation>
    </message>
</context>
<context>
    <name>_FormDialog</name>
    <message>
        <source>Batal (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
</context>
<context>
    <name>_ListDialog</name>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>_StockDialog</name>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <source>Barang rusak/cacat</source>
        <translation>Damaged/faulty goods</translation>
    </message>
    <message numerus="yes">
        <source>%n printer jaringan ditemukan.</source>
        <translation>
            <numerusform>%n network printer found.</numerusform>
            <numerusform>%n network printers found.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tab</name>
    <message>
        <source>Cetak uji terkirim ke 192.168.1.87:9100. Periksa kertasnya: deretan angka harus pas satu baris dan kode QR harus terbaca.</source>
        <translation>Test print sent to 192.168.1.87:9100. Check the paper: the row of digits must fit on one line and the QR code must scan.</translation>
    </message>
</context>
<context>
    <name>widgets</name>
    <message>
        <source>Gambar (*.jpg *.jpeg *.png *.webp *.bmp)</source>
        <translation>Images (*.jpg *.jpeg *.png *.webp *.bmp)</translation>
    </message>
</context>
<context>
    <name>wizard</name>
    <message>
        <source>Kedua PIN tidak sama. Ketik PIN yang sama dua kali.</source>
        <translation>The two PINs differ. Type the same PIN twice.</translation>
    </message>
</context>
</TS>
