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
            <source>Semua data toko sekarang akan diganti dengan isi cadangan '%1'. Data saat ini dicadangkan dulu. Lanjutkan?</source>
            <translation>All the shop’s data will now be replaced by the backup '%1'. The current data is backed up first. Continue?</translation>
        </message>
        <message>
            <source>Pulihkan cadangan</source>
            <translation>Restore backup</translation>
        </message>
        <message>
            <source>Data dipulihkan dari '%1'. Data sebelumnya disimpan sebagai '%2'.</source>
            <translation>Data restored from '%1'. The previous data was saved as '%2'.</translation>
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
            <source>'{name}' dijual per {unit}, jumlah harus bulat.</source>
            <translation>'{name}' is sold per {unit}; the quantity must be a whole number.</translation>
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
            <source>Shift dibuka {0} WIB. Hitung uang di laci per pecahan.</source>
            <translation>Shift opened {0} WIB. Count the cash in the drawer by denomination.</translation>
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
            <source>Hasil impor mutasi</source>
            <translation>Bank statement import result</translation>
        </message>
        <message>
            <source>Konfirmasi pembayaran transfer &amp; QRIS</source>
            <translation>Confirm transfer &amp; QRIS payments</translation>
        </message>
        <message>
            <source>Menunggu uang masuk</source>
            <translation>Waiting for money to arrive</translation>
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
            <source>Kedaluwarsa, stok dikembalikan: </source>
            <translation>Expired, stock returned: </translation>
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
            <source>Buang keranjang '{label}' ({amount})? Ini tidak bisa dibatalkan.</source>
            <translation>Discard the cart '{label}' ({amount})? This cannot be undone.</translation>
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
            <source>Ubah 'Jumlah label' untuk tiap produk (0 = tidak dicetak).</source>
            <translation>Change the label count ('Jumlah label') for each product (0 = not printed).</translation>
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
            <source>Tersimpan. Buka ulang aplikasi untuk mengganti bahasa.</source>
            <translation>Saved. Restart the app to switch the language.</translation>
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
        <name>OnlineOrdersWidget</name>
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
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Referensi</source>
            <translation>Reference</translation>
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
            <source>Menunggu bayar</source>
            <translation>Awaiting payment</translation>
        </message>
        <message>
            <source>Lunas</source>
            <translation>Paid</translation>
        </message>
        <message>
            <source>Dibatalkan</source>
            <translation>Cancelled</translation>
        </message>
        <message>
            <source>Kedaluwarsa</source>
            <translation>Expired</translation>
        </message>
        <message>
            <source>Diterima</source>
            <translation>Accepted</translation>
        </message>
        <message>
            <source>Ditolak</source>
            <translation>Rejected</translation>
        </message>
        <message>
            <source>Selesai</source>
            <translation>Completed</translation>
        </message>
        <message>
            <source>Dibatalkan pembeli</source>
            <translation>Cancelled by buyer</translation>
        </message>
        <message>
            <source>Tunai</source>
            <translation>Cash</translation>
        </message>
        <message>
            <source>Transfer</source>
            <translation>Transfer</translation>
        </message>
        <message>
            <source>QRIS</source>
            <translation>QRIS</translation>
        </message>
        <message>
            <source>Lainnya</source>
            <translation>Other</translation>
        </message>
        <message>
            <source>Retur</source>
            <translation>Return</translation>
        </message>
        <message>
            <source>Penjualan</source>
            <translation>Sale</translation>
        </message>
        <message>
            <source>Menunggu</source>
            <translation>Pending</translation>
        </message>
        <message>
            <source>Batal</source>
            <translation>Cancelled</translation>
        </message>
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
            <source>%1 pesanan</source>
            <translation>%1 orders</translation>
        </message>
        <message>
            <source>Retur %1 disimpan.</source>
            <translation>Return %1 saved.</translation>
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
        <name>PayDialog</name>
        <message>
            <source>Tunai</source>
            <translation>Cash</translation>
        </message>
        <message>
            <source>Transfer</source>
            <translation>Transfer</translation>
        </message>
        <message>
            <source>QRIS</source>
            <translation>QRIS</translation>
        </message>
        <message>
            <source>Lainnya</source>
            <translation>Other</translation>
        </message>
        <message>
            <source>Transfer bank</source>
            <translation>Bank transfer</translation>
        </message>
        <message>
            <source>Pembayaran</source>
            <translation>Payment</translation>
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
            <source>Enter: bayar  ·  F1–F4: cara bayar  ·  F5–F8: uang cepat  ·  F9: hapus bayar terakhir  ·  Esc: kembali</source>
            <translation>Enter: pay  ·  F1–F4: method  ·  F5–F8: quick cash  ·  F9: remove last payment  ·  Esc: back</translation>
        </message>
        <message>
            <source>Uang diterima (Rp)</source>
            <translation>Cash received (Rp)</translation>
        </message>
        <message>
            <source>Jumlah (Rp)</source>
            <translation>Amount (Rp)</translation>
        </message>
        <message>
            <source>Uang pas</source>
            <translation>Exact cash</translation>
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
            <source>— menunggu konfirmasi</source>
            <translation>— awaiting confirmation</translation>
        </message>
        <message>
            <source>Jumlah melebihi sisa {amount}.</source>
            <translation>The amount is more than the remaining {amount}.</translation>
        </message>
        <message>
            <source>Belum tersimpan: {error}</source>
            <translation>Not saved yet: {error}</translation>
        </message>
    </context>
    <context>
        <name>PaymentSettingsTab</name>
        <message>
            <source>Kode unik dikembalikan ke pembeli sebagai potongan</source>
            <translation>Give the unique code back to the buyer as a discount</translation>
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
            <source>QRIS statis (dari stiker toko)</source>
            <translation>Static QRIS (from the shop’s sticker)</translation>
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
            <source>Gambar (*.jpg *.jpeg *.png *.bmp *.webp)</source>
            <translation>Images (*.jpg *.jpeg *.png *.bmp *.webp)</translation>
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
        <name>PickTicketDialog</name>
        <message>
            <source>Daftar ambil barang</source>
            <translation>Pick list</translation>
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
        <name>PrintController</name>
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
            <source>Printer</source>
            <translation>Printer</translation>
        </message>
    </context>
    <context>
        <name>PrinterSettingsTab</name>
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
            <source>Pilih…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <source>Berkas keluaran printer</source>
            <translation>Printer output file</translation>
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
            <source>Barcode '%s' sudah ada di daftar.</source>
            <translation>Barcode '%s' is already in the list.</translation>
        </message>
        <message>
            <source>Barcode '%s' tidak sah.</source>
            <translation>Barcode '%s' is not valid.</translation>
        </message>
        <message>
            <source>Pilih foto produk</source>
            <translation>Choose a product photo</translation>
        </message>
        <message>
            <source>Gambar (*.jpg *.jpeg *.png *.webp *.bmp)</source>
            <translation>Images (*.jpg *.jpeg *.png *.webp *.bmp)</translation>
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
            <source>SKU wajib diisi: huruf, angka, '-', '_' atau '.', maks. 40.</source>
            <translation>Enter the SKU: letters, digits, '-', '_' or '.', at most 40.</translation>
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
        <name>QrisPanel</name>
        <message>
            <source>Pindai dengan aplikasi bank atau dompet digital apa pun. Nominal sudah terisi.</source>
            <translation>Scan with any bank or e-wallet app. The amount is already filled in.</translation>
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
            <source>Jumlah harus lebih dari nol.</source>
            <translation>The quantity must be more than zero.</translation>
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
        <name>ReceiptPreview</name>
        <message>
            <source>Pratinjau struk</source>
            <translation>Receipt preview</translation>
        </message>
    </context>
    <context>
        <name>ReceiptPreviewDialog</name>
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
            <source>PDF tersimpan: %s</source>
            <translation>PDF saved: %s</translation>
        </message>
        <message>
            <source>Struk disimpan sebagai PDF: %s</source>
            <translation>Receipt saved as PDF: %s</translation>
        </message>
    </context>
    <context>
        <name>ReceiptText</name>
        <message>
            <source>Diskon</source>
            <translation>Discount</translation>
        </message>
        <message>
            <source>Diskon pesanan</source>
            <translation>Order discount</translation>
        </message>
        <message>
            <source>TOTAL</source>
            <translation>TOTAL</translation>
        </message>
        <message>
            <source>Kembali</source>
            <translation>Change</translation>
        </message>
        <message>
            <source>(menunggu konfirmasi)</source>
            <translation>(awaiting confirmation)</translation>
        </message>
        <message>
            <source>Terima kasih</source>
            <translation>Thank you</translation>
        </message>
    </context>
    <context>
        <name>ReceiveDialog</name>
        <message>
            <source>Terima barang</source>
            <translation>Receive goods</translation>
        </message>
        <message>
            <source>mis. 24 atau 2,5</source>
            <translation>e.g. 24 or 2,5</translation>
        </message>
        <message>
            <source>mis. CV Sumber Rejeki, nota 118</source>
            <translation>e.g. CV Sumber Rejeki, invoice 118</translation>
        </message>
        <message>
            <source>Jumlah masuk (%s)</source>
            <translation>Quantity received (%s)</translation>
        </message>
        <message>
            <source>Harga pokok per satuan (Rp)</source>
            <translation>Cost price per unit (Rp)</translation>
        </message>
        <message>
            <source>Pemasok / catatan</source>
            <translation>Supplier / note</translation>
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
            <source>Isi jumlah barang yang diretur di kolom 'Retur sekarang'.</source>
            <translation>Fill in how many items are returned in the 'Return now' column.</translation>
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
            <source>Penjualan per jam (WIB)</source>
            <translation>Sales by hour (WIB)</translation>
        </message>
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
            <source>Penjualan per jam (WIB) — {0}</source>
            <translation>Sales by hour (WIB) — {0}</translation>
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
            <source>Toko</source>
            <translation>Shop</translation>
        </message>
        <message>
            <source>Acara</source>
            <translation>Event</translation>
        </message>
        <message>
            <source>PEKEN Online</source>
            <translation>PEKEN Online</translation>
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
            <source>Menyimpan {0}…</source>
            <translation>Saving {0}…</translation>
        </message>
        <message>
            <source>Tersimpan: {0}</source>
            <translation>Saved: {0}</translation>
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
        <name>SellDialogs</name>
        <message>
            <source>'{text}' bukan persen yang sah.</source>
            <translation>'{text}' is not a valid percentage.</translation>
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
            <source>Tidak ada produk yang cocok dengan '{query}'.</source>
            <translation>No product matches '{query}'.</translation>
        </message>
        <message>
            <source>'{name}' sudah diarsipkan dan tidak dijual.</source>
            <translation>'{name}' is archived and not for sale.</translation>
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
            <source>Tersimpan {number}</source>
            <translation>Saved {number}</translation>
        </message>
        <message>
            <source>Kembalian {amount}</source>
            <translation>Change {amount}</translation>
        </message>
        <message>
            <source>menunggu konfirmasi</source>
            <translation>awaiting confirmation</translation>
        </message>
        <message>
            <source>Pesanan {number} tersimpan</source>
            <translation>Order {number} saved</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
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
            <translation>Unlock with the owner's PIN…</translation>
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
            <source>Tidak ada shift yang terbuka.</source>
            <translation>No shift is open.</translation>
        </message>
        <message>
            <source>Shift #{0} dibuka {1} WIB, modal awal {2}</source>
            <translation>Shift #{0} opened {1} WIB, starting cash {2}</translation>
        </message>
        <message>
            <source>Belum ada shift yang ditutup.</source>
            <translation>No shift has been closed yet.</translation>
        </message>
    </context>
    <context>
        <name>ShopTab</name>
        <message>
            <source>PPN aktif (harga jual sudah termasuk PPN)</source>
            <translation>VAT (PPN) on (selling prices include PPN)</translation>
        </message>
        <message>
            <source> menit</source>
            <translation> min</translation>
        </message>
        <message>
            <source>Profil toko</source>
            <translation>Shop profile</translation>
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
            <source>Batas waktu transfer/QRIS tertunda</source>
            <translation>Time limit for pending transfer/QRIS</translation>
        </message>
        <message>
            <source>Simpan</source>
            <translation>Save</translation>
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
        <name>StocktakeDialog</name>
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
            <source>Hitung barang di rak: setiap scan menambah 1. Angka di kolom 'Dihitung' bisa diketik langsung.</source>
            <translation>Count the goods on the shelf: every scan adds 1. Numbers in the 'Counted' column can be typed directly.</translation>
        </message>
        <message>
            <source>Barcode/SKU '%s' tidak dikenal.</source>
            <translation>Barcode/SKU '%s' is unknown.</translation>
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
            <source>Belum ada rekening bank. Tambahkan di Pengaturan → Pembayaran.</source>
            <translation>No bank account yet. Add one in Settings → Payments.</translation>
        </message>
        <message>
            <source>  (dikembalikan ke pembeli sebagai potongan)</source>
            <translation>  (given back to the buyer as a discount)</translation>
        </message>
        <message>
            <source>Minta pembeli mentransfer tepat sampai 3 angka terakhir, supaya uangnya mudah dicocokkan dengan pesanan ini.</source>
            <translation>Ask the buyer to transfer the exact amount, down to the last 3 digits, so the money is easy to match to this order.</translation>
        </message>
        <message>
            <source>Disalin: </source>
            <translation>Copied: </translation>
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
        <name>WaitingJobsDialog</name>
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
            <source>Batal</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Barang rusak/cacat</source>
            <translation>Damaged/faulty goods</translation>
        </message>
    </context>
    <context>
        <name>owner</name>
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
    </context>
    <context>
        <name>self.owner</name>
        <message>
            <source>Kedua PIN tidak sama. Ketik ulang.</source>
            <translation>The two PINs differ. Type them again.</translation>
        </message>
    </context>
    <context>
        <name>tab</name>
        <message>
            <source>Cetak uji terkirim ke 192.168.1.87:9100. Periksa kertasnya: deretan angka harus pas satu baris dan kode QR harus terbaca.</source>
            <translation>Test print sent to 192.168.1.87:9100. Check the paper: the row of digits must fit on one line and the QR code must scan.</translation>
        </message>
    </context>
</TS>
